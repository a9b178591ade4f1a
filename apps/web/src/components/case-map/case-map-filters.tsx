import { CHANNELS } from '../../api/channels';
import type { CaseMapFilters } from '../../api/queries/use-case-map';
import { NO_MAP_FILTERS } from '../../api/queries/use-case-map';
import { useCaseCategories, useDepartments } from '../../api/queries/use-cases';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { CASE_STATUSES } from '../../screens/cases-screen';
import { DateInput } from '../date-input';
import type { ShadingMeasure } from './case-map-view';

const OPEN_FILTER = 'new,assigned,in_progress,forwarded';
const SOURCES = ['phone', 'walk_in', 'email', 'cimer', 'open311', 'other'] as const;

/** The map's filters, in the cases screen's style, and the neighbourhood shading choice. */
export function CaseMapFiltersForm({
  filters,
  onChange,
  measure,
  onMeasure,
  hasNeighbourhoods,
}: {
  filters: CaseMapFilters;
  onChange(filters: CaseMapFilters): void;
  measure: ShadingMeasure;
  onMeasure(measure: ShadingMeasure): void;
  hasNeighbourhoods: boolean;
}) {
  const { t } = useI18n();
  const departments = useDepartments('department').data ?? [];
  const categories = useCaseCategories().data ?? [];
  const set = (key: keyof CaseMapFilters) => (value: string) => onChange({ ...filters, [key]: value });
  const select = (
    key: 'status' | 'categoryId' | 'departmentId' | 'source',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <label>
      {label}
      <select value={filters[key]} onChange={(e) => set(key)(e.target.value)} data-testid={`map-filter-${key}`}>
        <option value="">{t('cases.filter.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="case-filters" aria-label={t('caseMap.filters')} onSubmit={(e) => e.preventDefault()}>
      {select('status', t('cases.field.status'), [
        { value: OPEN_FILTER, label: t('cases.filter.open') },
        ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}` as MessageKey) })),
      ])}
      {select(
        'categoryId',
        t('cases.field.category'),
        categories.map((c) => ({ value: c.id, label: c.name })),
      )}
      {select(
        'departmentId',
        t('cases.field.department'),
        departments.map((d) => ({ value: d.id, label: d.name })),
      )}
      {select('source', t('caseMap.source'), [
        ...CHANNELS.map((c) => ({ value: `channel:${c}`, label: t(`channel.${c}` as MessageKey) })),
        ...SOURCES.map((s) => ({ value: `source:${s}`, label: t(`intake.source.${s}` as MessageKey) })),
      ])}
      <DateInput label={t('caseMap.from')} value={filters.from} onChange={set('from')} max={filters.to || undefined} />
      <DateInput label={t('caseMap.to')} value={filters.to} onChange={set('to')} />
      {hasNeighbourhoods && (
        <label>
          {t('caseMap.shading')}
          <select
            value={measure}
            onChange={(e) => onMeasure(e.target.value as ShadingMeasure)}
            data-testid="map-shading"
          >
            <option value="openCases">{t('caseMap.shading.open')}</option>
            <option value="periodCases">{t('caseMap.shading.period')}</option>
            <option value="none">{t('caseMap.shading.none')}</option>
          </select>
        </label>
      )}
      <button type="button" className="link-button small" onClick={() => onChange(NO_MAP_FILTERS)}>
        {t('cases.filter.clear')}
      </button>
    </form>
  );
}
