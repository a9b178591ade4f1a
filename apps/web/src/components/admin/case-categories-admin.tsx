import type { FormEvent } from 'react';
import { useState } from 'react';
import { useAdminWrite } from '../../api/queries/use-admin-mutations';
import { useAllDepartments } from '../../api/queries/use-cases';
import { useCaseCategories } from '../../api/queries/use-settings';
import type { CaseCategory, DepartmentView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { AdminError } from './admin-error';
import { AdminTable } from './admin-table';
import { UnitSelect } from './unit-select';

const FIELDS = {
  code: 'admin.categories.code',
  name: 'admin.name',
  slaHours: 'admin.categories.slaHours',
  departmentId: 'admin.categories.unit',
} as const;

/** Case categories (başvuru türleri): code, name, SLA hours and the owning Müdürlük or Dış kurum; archived, never deleted. */
export function CaseCategoriesAdmin() {
  const { t, format } = useI18n();
  const query = useCaseCategories();
  const units = useAllDepartments().data ?? [];
  const write = useAdminWrite<CaseCategory>(['case-categories']);
  const [editing, setEditing] = useState<CaseCategory | 'new' | null>(null);
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? t('common.none');

  const setActive = (category: CaseCategory, active: boolean) => {
    if (!active && !window.confirm(t('admin.categories.confirmArchive', { name: category.name }))) {
      return;
    }
    write.mutate({ path: `/api/v1/case-categories/${category.id}`, method: 'PATCH', body: { active } });
  };

  return (
    <section className="card" aria-labelledby="categories-title">
      <div className="item-line">
        <h2 id="categories-title">{t('admin.categories.title')}</h2>
        {editing === null && (
          <button type="button" className="secondary push" onClick={() => setEditing('new')}>
            {t('admin.categories.new')}
          </button>
        )}
      </div>
      <p className="muted small">{t('admin.categories.explain')}</p>
      {editing !== null && (
        <CategoryForm
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? null : editing}
          units={units}
          onDone={() => setEditing(null)}
        />
      )}
      <AdminError error={editing === null ? write.error : null} fields={FIELDS} />
      <QueryState query={query}>
        {(categories) =>
          categories.length === 0 ? (
            <p className="muted">{t('admin.form.empty')}</p>
          ) : (
            <AdminTable
              testId="categories-table"
              headers={[
                t('admin.name'),
                t('admin.categories.code'),
                t('admin.categories.slaHours'),
                t('admin.categories.unit'),
                t('admin.state'),
              ]}
            >
              {categories.map((c) => (
                <tr key={c.id} data-testid="category-row" data-active={c.active}>
                  <td>{c.name}</td>
                  <td className="small">{c.code}</td>
                  <td>
                    {t('admin.categories.hours', { hours: format.number(c.slaHours) })}
                    {c.slaWorkingHours && (
                      <span className="small muted"> ({t('admin.categories.workingHoursShort')})</span>
                    )}
                  </td>
                  <td className="small">{unitName(c.departmentId)}</td>
                  <td>{c.active ? t('admin.active') : t('admin.archived')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('admin.form.editNamed', { name: c.name })}
                      onClick={() => setEditing(c)}
                    >
                      {t('admin.form.edit')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t(c.active ? 'admin.archiveNamed' : 'admin.form.restoreNamed', { name: c.name })}
                      onClick={() => setActive(c, !c.active)}
                    >
                      {c.active ? t('admin.archive') : t('admin.form.restore')}
                    </button>
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

function CategoryForm({
  category,
  units,
  onDone,
}: {
  category: CaseCategory | null;
  units: DepartmentView[];
  onDone(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(category?.name ?? '');
  const [code, setCode] = useState(category?.code ?? '');
  const [slaHours, setSlaHours] = useState(category ? String(category.slaHours) : '');
  const [departmentId, setDepartmentId] = useState(category?.departmentId ?? '');
  const [slaWorkingHours, setSlaWorkingHours] = useState(category?.slaWorkingHours ?? false);
  const write = useAdminWrite<CaseCategory>(['case-categories']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      code: code.trim(),
      slaHours: slaHours.trim() === '' ? null : Number(slaHours),
      departmentId: departmentId || null,
      slaWorkingHours,
    };
    write.mutate(
      category
        ? { path: `/api/v1/case-categories/${category.id}`, method: 'PATCH', body }
        : { path: '/api/v1/case-categories', method: 'POST', body },
      { onSuccess: onDone },
    );
  };
  const title = category ? t('admin.form.editNamed', { name: category.name }) : t('admin.categories.new');
  return (
    <form
      className="admin-form admin-edit-form"
      aria-label={title}
      noValidate
      onSubmit={submit}
      data-testid="category-form"
    >
      <h3 className="full">{title}</h3>
      <label>
        {t('admin.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('admin.categories.code')}
        <input value={code} aria-describedby="category-code-hint" onChange={(e) => setCode(e.target.value)} />
        <span id="category-code-hint" className="muted small">
          {t('admin.categories.codeHint')}
        </span>
      </label>
      <label>
        {t('admin.categories.slaHours')}
        <input type="number" inputMode="numeric" value={slaHours} onChange={(e) => setSlaHours(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={slaWorkingHours} onChange={(e) => setSlaWorkingHours(e.target.checked)} />
        {t('admin.categories.workingHours')}
      </label>
      <UnitSelect label={t('admin.categories.unit')} units={units} value={departmentId} onChange={setDepartmentId} />
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
