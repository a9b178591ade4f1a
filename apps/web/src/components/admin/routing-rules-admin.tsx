import type { FormEvent } from 'react';
import { useState } from 'react';
import { useAdminWrite } from '../../api/queries/use-admin-mutations';
import { useAllDepartments } from '../../api/queries/use-cases';
import type { RoutingRule, RoutingRuleTrial } from '../../api/queries/use-settings';
import { useCaseCategories, useRoutingRules } from '../../api/queries/use-settings';
import type { CaseCategory, DepartmentView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { AdminError } from './admin-error';
import { AdminTable } from './admin-table';
import { formatList, parseList } from './list-field';
import { UnitSelect } from './unit-select';

const FIELDS = {
  keywords: 'admin.rules.keywords',
  categoryId: 'admin.rules.category',
  departmentId: 'admin.rules.unit',
  weight: 'admin.rules.weight',
} as const;

/**
 * Keyword routing rules: a citizen's words suggest a category and a Müdürlük or Dış kurum. Rules are
 * not ordered: each scores its weight per matched keyword and the highest score wins, so the list
 * shows the heaviest first and the try box shows the ranking for a sample text.
 */
export function RoutingRulesAdmin() {
  const { t, format } = useI18n();
  const query = useRoutingRules();
  const categories = useCaseCategories().data ?? [];
  const units = useAllDepartments().data ?? [];
  const remove = useAdminWrite(['routing-rules']);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? t('common.none');
  const unitName = (rule: RoutingRule) => {
    const id = rule.departmentId ?? categories.find((c) => c.id === rule.categoryId)?.departmentId ?? null;
    return units.find((u) => u.id === id)?.name ?? t('common.none');
  };
  const label = (rule: RoutingRule) => formatList(rule.keywords);

  const confirmRemove = (rule: RoutingRule) => {
    if (window.confirm(t('admin.rules.confirmDelete', { keywords: label(rule) }))) {
      remove.mutate({ path: `/api/v1/routing-rules/${rule.id}`, method: 'DELETE' });
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="rules-title">
        <div className="item-line">
          <h2 id="rules-title">{t('admin.rules.title')}</h2>
          {editing === null && (
            <button type="button" className="secondary push" onClick={() => setEditing('new')}>
              {t('admin.rules.new')}
            </button>
          )}
        </div>
        <p className="muted small">{t('admin.rules.explain')}</p>
        {editing !== null && (
          <RuleForm
            key={editing === 'new' ? 'new' : editing.id}
            rule={editing === 'new' ? null : editing}
            categories={categories}
            units={units}
            onDone={() => setEditing(null)}
          />
        )}
        <AdminError error={remove.error} fields={FIELDS} />
        <QueryState query={query}>
          {(rules) =>
            rules.length === 0 ? (
              <p className="muted">{t('admin.form.empty')}</p>
            ) : (
              <AdminTable
                testId="rules-table"
                headers={[
                  t('admin.rules.keywords'),
                  t('admin.rules.category'),
                  t('admin.rules.unit'),
                  t('admin.rules.weight'),
                  t('admin.state'),
                ]}
              >
                {[...rules]
                  .sort(
                    (a, b) =>
                      b.weight - a.weight || categoryName(a.categoryId).localeCompare(categoryName(b.categoryId)),
                  )
                  .map((r) => (
                    <tr key={r.id} data-testid="rule-row" data-active={r.active}>
                      <td>{label(r)}</td>
                      <td>{categoryName(r.categoryId)}</td>
                      <td className="small">{unitName(r)}</td>
                      <td>{format.number(r.weight)}</td>
                      <td>{r.active ? t('admin.active') : t('admin.inactive')}</td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('admin.form.editNamed', { name: label(r) })}
                          onClick={() => setEditing(r)}
                        >
                          {t('admin.form.edit')}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('admin.form.deleteNamed', { name: label(r) })}
                          onClick={() => confirmRemove(r)}
                        >
                          {t('admin.form.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
              </AdminTable>
            )
          }
        </QueryState>
      </section>
      <RuleTrial categoryName={categoryName} rules={query.data ?? []} />
    </div>
  );
}

function RuleForm({
  rule,
  categories,
  units,
  onDone,
}: {
  rule: RoutingRule | null;
  categories: CaseCategory[];
  units: DepartmentView[];
  onDone(): void;
}) {
  const { t } = useI18n();
  const [keywords, setKeywords] = useState(rule ? formatList(rule.keywords) : '');
  const [categoryId, setCategoryId] = useState(rule?.categoryId ?? '');
  const [departmentId, setDepartmentId] = useState(rule?.departmentId ?? '');
  const [weight, setWeight] = useState(String(rule?.weight ?? 1));
  const [active, setActive] = useState(rule?.active ?? true);
  const write = useAdminWrite<RoutingRule>(['routing-rules']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      keywords: parseList(keywords),
      categoryId: categoryId || null,
      departmentId: departmentId || null,
      weight: weight.trim() === '' ? null : Number(weight),
      active,
    };
    write.mutate(
      rule
        ? { path: `/api/v1/routing-rules/${rule.id}`, method: 'PATCH', body }
        : { path: '/api/v1/routing-rules', method: 'POST', body },
      { onSuccess: onDone },
    );
  };
  const title = rule ? t('admin.form.editNamed', { name: formatList(rule.keywords) }) : t('admin.rules.new');
  return (
    <form
      className="admin-form admin-edit-form"
      aria-label={title}
      noValidate
      onSubmit={submit}
      data-testid="rule-form"
    >
      <h3 className="full">{title}</h3>
      <label className="full">
        {t('admin.rules.keywords')}
        <input value={keywords} aria-describedby="rule-keywords-hint" onChange={(e) => setKeywords(e.target.value)} />
        <span id="rule-keywords-hint" className="muted small">
          {t('admin.rules.keywordsHint')}
        </span>
      </label>
      <div className="field">
        <label htmlFor="rule-category">{t('admin.rules.category')}</label>
        <select id="rule-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">{t('admin.rules.chooseCategory')}</option>
          {categories
            .filter((c) => c.active || c.id === categoryId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </div>
      <UnitSelect
        label={t('admin.rules.unit')}
        units={units}
        value={departmentId}
        onChange={setDepartmentId}
        noneLabel={t('admin.rules.categoryUnit')}
      />
      <label>
        {t('admin.rules.weight')}
        <input type="number" inputMode="numeric" value={weight} onChange={(e) => setWeight(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('admin.active')}
      </label>
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

/** The suggestion's own matcher on a sample text: which active rules match, best first. */
function RuleTrial({ rules, categoryName }: { rules: RoutingRule[]; categoryName(id: string): string }) {
  const { t, format } = useI18n();
  const [text, setText] = useState('');
  const trial = useAdminWrite<RoutingRuleTrial>(['routing-rules', 'try']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    trial.mutate({ path: '/api/v1/routing-rules/try', method: 'POST', body: { text } });
  };
  const keywordsOf = (ruleId: string) => formatList(rules.find((r) => r.id === ruleId)?.keywords ?? []);
  return (
    <section className="card" aria-labelledby="rules-try-title">
      <h2 id="rules-try-title">{t('admin.rules.tryTitle')}</h2>
      <form className="admin-form admin-edit-form" noValidate onSubmit={submit} aria-labelledby="rules-try-title">
        <label className="full">
          {t('admin.rules.trySample')}
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <AdminError error={trial.error} fields={{ text: 'admin.rules.trySample' }} />
        <div className="item-line full">
          <button type="submit" disabled={trial.isPending}>
            {t('admin.rules.try')}
          </button>
        </div>
      </form>
      {trial.data && (
        <div role="status" data-testid="rule-trial">
          {trial.data.matches.length === 0 ? (
            <p className="muted">{t('admin.rules.noMatch')}</p>
          ) : (
            <ol className="rule-trial">
              {trial.data.matches.map((m, index) => (
                <li key={m.ruleId}>
                  <strong>{categoryName(m.categoryId)}</strong>
                  {index === 0 && <span className="badge">{t('admin.rules.winner')}</span>}{' '}
                  <span className="muted small">
                    {t('admin.rules.matchLine', {
                      matched: formatList(m.matchedKeywords),
                      score: format.number(m.score),
                      rule: keywordsOf(m.ruleId),
                    })}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
