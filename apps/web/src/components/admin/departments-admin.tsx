import type { FormEvent } from 'react';
import { useState } from 'react';
import { useArchiveDepartment, useCreateDepartment } from '../../api/queries/use-admin-mutations';
import {
  useAllDepartments,
  useApplyProvincePreset,
  useProvincePresets,
  useUpdateDepartment,
} from '../../api/queries/use-cases';
import type { DepartmentKind, DepartmentView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { AdminTable } from './admin-table';

/** Departments (müdürlükler) and external bodies (dış kurumlar): created, edited, archived (cases stay). */
export function DepartmentsAdmin() {
  const { t } = useI18n();
  const query = useAllDepartments();
  const units = query.data ?? [];
  const archive = useArchiveDepartment();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const showSecret = (unit: DepartmentView) => {
    if (unit.webhookSecret) {
      setSecret({ name: unit.name, secret: unit.webhookSecret });
    }
  };

  const table = (kind: DepartmentKind) => (
    <section className="card" aria-labelledby={`units-${kind}`}>
      <h2 id={`units-${kind}`}>{t(kind === 'department' ? 'admin.departments' : 'admin.externalBodies')}</h2>
      <AdminTable
        testId={`units-${kind}`}
        headers={[t('admin.name'), t('admin.reach'), t('cases.units.secret'), t('case.category'), t('admin.state')]}
      >
        {units
          .filter((u) => u.kind === kind)
          .map((u) =>
            editing === u.id ? (
              <tr key={u.id} data-testid="unit-row" data-active={u.active}>
                <td colSpan={6}>
                  <UnitEditForm
                    unit={u}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) {
                        showSecret(saved);
                      }
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={u.id} data-testid="unit-row" data-active={u.active}>
                <td>{u.name}</td>
                <td className="small">{[u.email, u.webhookUrl].filter(Boolean).join(' · ') || t('common.none')}</td>
                <td className="small">
                  {u.webhookUrl ? t(u.hasWebhookSecret ? 'cases.units.secretSet' : 'cases.units.secretNone') : ''}
                </td>
                <td className="small">{u.categories.map((c) => c.name).join(', ') || t('common.none')}</td>
                <td>
                  {u.active ? t('admin.active') : t('admin.archived')}
                  {u.directorateMayResolve && (
                    <span className="badge small"> {t('directorate.admin.mayResolveBadge')}</span>
                  )}
                </td>
                <td className="item-line">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('cases.units.editNamed', { name: u.name })}
                    onClick={() => setEditing(u.id)}
                  >
                    {t('cases.units.edit')}
                  </button>
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
            ),
          )}
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
        <p role="status" className="card warning" data-testid="unit-secret">
          {t('cases.units.secretOnce', { name: secret.name, secret: secret.secret })}
        </p>
      )}
      <UnitForm onCreated={showSecret} />
      <PresetForm />
      {table('department')}
      {table('external_body')}
    </div>
  );
}

/** Name, e-mail, webhook URL and its secret (kept, replaced or removed); a generated secret is shown once. */
function UnitEditForm({ unit, onDone }: { unit: DepartmentView; onDone(saved: DepartmentView | null): void }) {
  const { t } = useI18n();
  const update = useUpdateDepartment();
  const [name, setName] = useState(unit.name);
  const [email, setEmail] = useState(unit.email ?? '');
  const [webhookUrl, setWebhookUrl] = useState(unit.webhookUrl ?? '');
  const [newSecret, setNewSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [mayResolve, setMayResolve] = useState(unit.directorateMayResolve);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      ...(unit.kind === 'department' ? { directorateMayResolve: mayResolve } : {}),
      email: email.trim() || null,
      webhookUrl: webhookUrl.trim() || null,
      ...(removeSecret || !webhookUrl.trim() ? { webhookSecret: null } : newSecret ? { webhookSecret: newSecret } : {}),
    };
    update.mutate({ id: unit.id, body }, { onSuccess: (saved) => onDone(saved) });
  };
  return (
    <form
      className="admin-form"
      aria-label={t('cases.units.editTitle', { name: unit.name })}
      onSubmit={submit}
      data-testid="unit-edit"
    >
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
        <input
          type="url"
          placeholder={t('admin.form.urlPlaceholder')}
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.target.value)}
        />
      </label>
      <label>
        {t('cases.units.newSecret')}
        <input
          type="password"
          autoComplete="new-password"
          minLength={16}
          disabled={removeSecret || !webhookUrl.trim()}
          value={newSecret}
          onChange={(e) => setNewSecret(e.target.value)}
        />
      </label>
      {unit.hasWebhookSecret && (
        <label className="checkbox">
          <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} />
          {t('cases.units.removeSecret')}
        </label>
      )}
      {unit.kind === 'department' && (
        <label className="checkbox full" title={t('directorate.admin.mayResolveHint')}>
          <input
            type="checkbox"
            checked={mayResolve}
            onChange={(e) => setMayResolve(e.target.checked)}
            data-testid="unit-may-resolve"
          />
          {t('directorate.admin.mayResolve')}
        </label>
      )}
      {update.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: update.error.message })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={update.isPending || !name.trim()}>
          {t('cases.units.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Hazır kurum listesi ekle": a province's external bodies, added where missing. */
function PresetForm() {
  const { t, format } = useI18n();
  const presets = useProvincePresets(true).data ?? [];
  const apply = useApplyProvincePreset();
  const [province, setProvince] = useState('');
  const chosen = presets.find((p) => p.code === province);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate(province);
  };
  const result = apply.data;
  return (
    <form className="card admin-form" aria-labelledby="preset-title" onSubmit={submit} data-testid="preset-form">
      <h2 id="preset-title" className="full">
        {t('cases.units.presetTitle')}
      </h2>
      <p className="small muted full">{t('cases.units.presetExplain')}</p>
      <label>
        {t('cases.units.presetProvince')}
        <select value={province} onChange={(e) => setProvince(e.target.value)} data-testid="preset-province">
          <option value="">{t('cases.units.presetPick')}</option>
          {presets.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && <p className="small full">{t('cases.units.presetBodies', { names: chosen.bodies.join(', ') })}</p>}
      <div className="item-line full">
        <button type="submit" disabled={!province || apply.isPending}>
          {t('cases.units.presetApply')}
        </button>
      </div>
      {result && (
        <p role="status" className="small ok full" data-testid="preset-result">
          {result.added.length > 0
            ? t('cases.units.presetAdded', {
                count: format.number(result.added.length),
                names: result.added.join(', '),
              })
            : t('cases.units.presetNothing')}{' '}
          {result.categoriesMoved.length > 0 &&
            t('cases.units.presetMoved', { count: format.number(result.categoriesMoved.length) })}
        </p>
      )}
      {apply.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: apply.error.message })}
        </p>
      )}
    </form>
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
        <input
          type="url"
          value={webhookUrl}
          placeholder={t('admin.form.urlPlaceholder')}
          onChange={(e) => setWebhookUrl(e.target.value)}
        />
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
