import type { FormEvent } from 'react';
import { useState } from 'react';
import { useArchiveDepartment, useCreateDepartment } from '../../api/queries/use-admin-mutations';
import { useAllDepartments } from '../../api/queries/use-cases';
import type { DepartmentKind, DepartmentView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { AdminTable } from './admin-table';

/** Departments (müdürlükler) and external bodies (dış kurumlar); archiving keeps their cases. */
export function DepartmentsAdmin() {
  const { t } = useI18n();
  const query = useAllDepartments();
  const units = query.data ?? [];
  const archive = useArchiveDepartment();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const table = (kind: DepartmentKind) => (
    <section className="card" aria-labelledby={`units-${kind}`}>
      <h2 id={`units-${kind}`}>{t(kind === 'department' ? 'admin.departments' : 'admin.externalBodies')}</h2>
      <AdminTable
        testId={`units-${kind}`}
        headers={[t('admin.name'), t('admin.reach'), t('case.category'), t('admin.state')]}
      >
        {units
          .filter((u) => u.kind === kind)
          .map((u) => (
            <tr key={u.id} data-testid="unit-row" data-active={u.active}>
              <td>{u.name}</td>
              <td className="small">{[u.email, u.webhookUrl].filter(Boolean).join(' · ') || t('common.none')}</td>
              <td className="small">{u.categories.map((c) => c.name).join(', ') || t('common.none')}</td>
              <td>{u.active ? t('admin.active') : t('admin.archived')}</td>
              <td>
                {u.active && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('admin.archiveNamed', { name: u.name })}
                    onClick={() => archive.mutate(u.id)}
                  >
                    {t('admin.archive')}
                  </button>
                )}
              </td>
            </tr>
          ))}
      </AdminTable>
    </section>
  );

  return (
    <div className="stack">
      {archive.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: archive.error.message })}
        </p>
      )}
      <QueryState query={query}>{() => null}</QueryState>
      {secret && (
        <p role="status" className="card warning">
          {t('admin.secretOnce', { name: secret.name, secret: secret.secret })}
        </p>
      )}
      <UnitForm
        onCreated={(unit) => {
          if (unit.webhookSecret) {
            setSecret({ name: unit.name, secret: unit.webhookSecret });
          }
        }}
      />
      {table('department')}
      {table('external_body')}
    </div>
  );
}

function UnitForm({ onCreated }: { onCreated(unit: DepartmentView): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DepartmentKind>('department');
  const [email, setEmail] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const create = useCreateDepartment();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      kind,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (unit) => {
        setName('');
        setEmail('');
        setWebhookUrl('');
        onCreated(unit);
      },
    });
  };
  return (
    <form className="card admin-form" aria-label={t('admin.newUnit')} onSubmit={submit}>
      <h2 className="full">{t('admin.newUnit')}</h2>
      <label>
        {t('admin.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as DepartmentKind)}>
          <option value="department">{t('admin.kind.department')}</option>
          <option value="external_body">{t('admin.kind.external_body')}</option>
        </select>
      </label>
      <label>
        {t('admin.name')}
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('admin.unitEmail')}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('admin.webhookUrl')}
        <input type="url" value={webhookUrl} placeholder="https://" onChange={(e) => setWebhookUrl(e.target.value)} />
      </label>
      {create.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: create.error.message })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={create.isPending}>
          {t('admin.createUnit')}
        </button>
      </div>
    </form>
  );
}
