import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useAdminWrite } from '../../api/queries/use-admin-mutations';
import { useCannedResponses } from '../../api/queries/use-conversations';
import type { CannedResponse } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { QueryState } from '../query-state';
import { AdminError } from './admin-error';
import { AdminTable } from './admin-table';

const FIELDS = {
  title: 'admin.canned.titleField',
  body: 'admin.canned.body',
  shortcut: 'admin.canned.shortcut',
} as const;

/** The placeholders the API fills when a template is inserted into a conversation (CannedResponsesService.render). */
const VARIABLES: { name: string; label: MessageKey; sample: MessageKey }[] = [
  { name: 'ad', label: 'admin.canned.var.citizen', sample: 'admin.canned.sample.citizen' },
  { name: 'başvuruNo', label: 'admin.canned.var.caseNumber', sample: 'admin.canned.sample.caseNumber' },
  { name: 'kurum', label: 'admin.canned.var.organization', sample: 'admin.canned.sample.organization' },
  { name: 'hesap', label: 'admin.canned.var.account', sample: 'admin.canned.sample.account' },
];

/**
 * Hazır yanıtlar: the organization's shared ones (administrators manage them) and the user's own
 * personal ones; both are inserted with "/" in the reply box. `canShare`: the user is an administrator.
 */
export function CannedResponsesAdmin({ canShare }: { canShare: boolean }) {
  const { t } = useI18n();
  const query = useCannedResponses();
  const remove = useAdminWrite(['canned-responses']);
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);

  const confirmRemove = (canned: CannedResponse) => {
    if (window.confirm(t('admin.canned.confirmDelete', { name: canned.title }))) {
      remove.mutate({ path: `/api/v1/canned-responses/${canned.id}`, method: 'DELETE' });
    }
  };

  return (
    <section className="card" aria-labelledby="canned-title">
      <div className="item-line">
        <h2 id="canned-title">{t('admin.canned.title')}</h2>
        {editing === null && (
          <button type="button" className="secondary push" onClick={() => setEditing('new')}>
            {t('admin.canned.new')}
          </button>
        )}
      </div>
      <p className="muted small">{t(canShare ? 'admin.canned.explainAdmin' : 'admin.canned.explainOfficer')}</p>
      {editing !== null && (
        <CannedForm
          key={editing === 'new' ? 'new' : editing.id}
          canned={editing === 'new' ? null : editing}
          canShare={canShare}
          onDone={() => setEditing(null)}
        />
      )}
      <AdminError error={remove.error} fields={FIELDS} />
      <QueryState query={query}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('admin.form.empty')}</p>
          ) : (
            <AdminTable
              testId="canned-table"
              headers={[
                t('admin.canned.titleField'),
                t('admin.canned.shortcut'),
                t('admin.canned.body'),
                t('admin.canned.visibility'),
              ]}
            >
              {list.map((c) => (
                <tr key={c.id} data-testid="canned-row" data-shared={c.shared}>
                  <td>{c.title}</td>
                  <td className="small">{c.shortcut ? `/${c.shortcut}` : t('common.none')}</td>
                  <td className="small canned-body-cell">{c.body}</td>
                  <td>{t(c.shared ? 'admin.canned.shared' : 'admin.canned.personal')}</td>
                  <td className="row-actions">
                    {c.editable && (
                      <>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('admin.form.editNamed', { name: c.title })}
                          onClick={() => setEditing(c)}
                        >
                          {t('admin.form.edit')}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('admin.form.deleteNamed', { name: c.title })}
                          onClick={() => confirmRemove(c)}
                        >
                          {t('admin.form.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
    </section>
  );
}

function CannedForm({
  canned,
  canShare,
  onDone,
}: {
  canned: CannedResponse | null;
  canShare: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(canned?.title ?? '');
  const [shortcut, setShortcut] = useState(canned?.shortcut ?? '');
  const [body, setBody] = useState(canned?.body ?? '');
  const [shared, setShared] = useState(canned?.shared ?? false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const write = useAdminWrite<CannedResponse>(['canned-responses']);

  const insert = (name: string) => {
    const area = bodyRef.current;
    const token = `{{${name}}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const preview = VARIABLES.reduce(
    (text, v) => text.replace(new RegExp(`\\{\\{\\s*${v.name}\\s*\\}\\}`, 'giu'), t(v.sample)),
    body,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const payload = {
      title: title.trim(),
      body,
      shortcut: shortcut.trim() || null,
      ...(canShare ? { shared } : {}),
    };
    write.mutate(
      canned
        ? { path: `/api/v1/canned-responses/${canned.id}`, method: 'PATCH', body: payload }
        : { path: '/api/v1/canned-responses', method: 'POST', body: payload },
      { onSuccess: onDone },
    );
  };
  const heading = canned ? t('admin.form.editNamed', { name: canned.title }) : t('admin.canned.new');
  return (
    <form
      className="admin-form admin-edit-form"
      aria-label={heading}
      noValidate
      onSubmit={submit}
      data-testid="canned-form"
    >
      <h3 className="full">{heading}</h3>
      <label>
        {t('admin.canned.titleField')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('admin.canned.shortcut')}
        <input value={shortcut} aria-describedby="canned-shortcut-hint" onChange={(e) => setShortcut(e.target.value)} />
        <span id="canned-shortcut-hint" className="muted small">
          {t('admin.canned.shortcutHint')}
        </span>
      </label>
      <label className="full">
        {t('admin.canned.body')}
        <textarea ref={bodyRef} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <div className="full item-line wrap" role="group" aria-label={t('admin.canned.variables')}>
        <span className="small muted">{t('admin.canned.variables')}:</span>
        {VARIABLES.map((v) => (
          <button key={v.name} type="button" className="secondary small" onClick={() => insert(v.name)}>
            {t(v.label)} <code>{`{{${v.name}}}`}</code>
          </button>
        ))}
      </div>
      <div className="full canned-preview" aria-live="polite">
        <span className="small muted">{t('admin.canned.preview')}</span>
        <p data-testid="canned-preview">{preview || t('common.none')}</p>
      </div>
      {canShare && (
        <label className="checkbox full">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />{' '}
          {t('admin.canned.shareWithAll')}
        </label>
      )}
      <AdminError error={write.error} fields={FIELDS} />
      <div className="item-line full">
        <button type="submit" disabled={write.isPending}>
          {t('admin.form.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
