import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useDepartments, useUpdateDepartment } from '../../api/queries/use-cases';
import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActionFeedback } from './action-feedback';
import { isOpen } from './case-states';
import { useCaseRunner } from './use-case-runner';

/**
 * Forward to an external body (dış kurum) in a modal dialog. The body's delivery channels (e-mail,
 * webhook) show beside the choice; an administrator may correct them here before forwarding.
 */
export function CaseForwardDialog({
  item,
  canWork,
  canEditBodies,
}: {
  item: CaseView;
  canWork: boolean;
  canEditBodies: boolean;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const bodies = useDepartments('external_body').data ?? [];
  const { run, feedback, busy } = useCaseRunner();
  const [bodyId, setBodyId] = useState('');
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const body = bodies.find((b) => b.id === bodyId) ?? null;
  const allowed = canWork && isOpen(item.status);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(
      {
        caseId: item.id,
        action: 'forward',
        body: { externalBodyId: bodyId, ...(note.trim() ? { note: note.trim() } : {}) },
      },
      t('cases.done.forward', { name: body?.name ?? '' }),
    );
    if (ok) {
      setNote('');
      dialog.current?.close();
    }
  };

  return (
    <div>
      <button
        type="button"
        disabled={!allowed}
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
      >
        {t('cases.forward.open')}
      </button>
      {!open && <ActionFeedback feedback={feedback} />}
      <dialog
        ref={dialog}
        className="case-dialog"
        aria-labelledby="forward-title"
        data-testid="forward-dialog"
        onClose={() => setOpen(false)}
      >
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <h2 id="forward-title">{t('cases.forward.title', { number: item.caseNumber })}</h2>
          <label>
            {t('cases.field.externalBody')}
            <select required value={bodyId} onChange={(e) => setBodyId(e.target.value)} data-testid="forward-body">
              <option value="">{t('cases.forward.pickBody')}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          {body && <BodyChannels key={body.id} body={body} editable={canEditBodies} />}
          <label>
            {t('cases.forward.note')}
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <ActionFeedback feedback={feedback} />
          <div className="item-line">
            <button type="submit" disabled={busy || !body || (!body.email && !body.webhookUrl)}>
              {t('cases.forward.submit')}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}

type Body = NonNullable<ReturnType<typeof useDepartments>['data']>[number];

/** The chosen body's e-mail and webhook: read-only for officers, editable (PATCH) for administrators. */
function BodyChannels({ body, editable }: { body: Body; editable: boolean }) {
  const { t } = useI18n();
  const update = useUpdateDepartment();
  const [email, setEmail] = useState(body.email ?? '');
  const [webhookUrl, setWebhookUrl] = useState(body.webhookUrl ?? '');
  const [secret, setSecret] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [email, webhookUrl]);
  const changed = email.trim() !== (body.email ?? '') || webhookUrl.trim() !== (body.webhookUrl ?? '');

  if (!editable) {
    return (
      <dl className="facts small" data-testid="forward-channels">
        <dt>{t('cases.field.email')}</dt>
        <dd>{body.email ?? t('common.none')}</dd>
        <dt>{t('cases.field.webhookUrl')}</dt>
        <dd>{body.webhookUrl ?? t('common.none')}</dd>
        {!body.email && !body.webhookUrl && <dd className="warning">{t('cases.forward.unreachable')}</dd>}
      </dl>
    );
  }
  const save = () =>
    update.mutate(
      { id: body.id, body: { email: email.trim() || null, webhookUrl: webhookUrl.trim() || null } },
      {
        onSuccess: (view) => {
          setSaved(true);
          setSecret(view.webhookSecret ?? null);
        },
      },
    );
  return (
    <fieldset className="case-subform" data-testid="forward-channels">
      <legend>{t('cases.forward.channels', { name: body.name })}</legend>
      <label>
        {t('cases.field.email')}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="forward-email" />
      </label>
      <label>
        {t('cases.field.webhookUrl')}
        <input
          type="url"
          placeholder={t('admin.form.urlPlaceholder')}
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.target.value)}
        />
      </label>
      {!body.email && !body.webhookUrl && <p className="small warning">{t('cases.forward.unreachable')}</p>}
      <button type="button" className="secondary" disabled={!changed || update.isPending} onClick={save}>
        {t('cases.forward.saveChannels')}
      </button>
      {saved && (
        <p role="status" className="small ok">
          {t('cases.forward.channelsSaved')}
        </p>
      )}
      {secret && (
        <p role="status" className="small warning">
          {t('cases.units.secretOnce', { name: body.name, secret })}
        </p>
      )}
      {update.isError && (
        <p role="alert" className="small error">
          {t('common.error', { message: update.error.message })}
        </p>
      )}
    </fieldset>
  );
}
