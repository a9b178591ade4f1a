import type { RuleCondition } from '../../api/queries/use-automation-rules';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { ListInput } from './list-input';
import type { ConditionType, RuleEvent } from './rule-catalog';
import {
  blankCondition,
  CASE_STATUSES,
  CHANNELS,
  CONDITION_INPUT,
  conditionTypesFor,
  LANGUAGES,
  MESSAGE_KINDS,
  PRIORITIES,
  URGENT_VALUES,
} from './rule-catalog';
import type { useRuleLookups } from './use-rule-words';

/** One "if" line: its type, then the values that type takes (a list, choices, a point, or none). */
export function ConditionRow({
  condition,
  event,
  index,
  lookups,
  onChange,
  onRemove,
}: {
  condition: RuleCondition;
  event: RuleEvent;
  index: number;
  lookups: ReturnType<typeof useRuleLookups>;
  onChange(next: RuleCondition): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const input = CONDITION_INPUT[condition.type];
  const id = `rule-condition-${index}`;
  const choiceLists: Partial<Record<ConditionType, () => { value: string; label: string }[]>> = {
    channel: () => CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
    message_kind: () => MESSAGE_KINDS.map((k) => ({ value: k, label: t(`msg.kind.${k}` as MessageKey) })),
    language: () => LANGUAGES.map((l) => ({ value: l, label: t(`rules.language.${l}`) })),
    urgent: () => URGENT_VALUES.map((v) => ({ value: v, label: t(`rules.urgent.${v}`) })),
    case_category: () => lookups.categories.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name })),
    case_department: () =>
      lookups.units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })),
    case_priority: () => PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) })),
    case_status: () => CASE_STATUSES.map((s) => ({ value: s, label: t(`rules.caseStatus.${s}`) })),
    case_previous_status: () => CASE_STATUSES.map((s) => ({ value: s, label: t(`rules.caseStatus.${s}`) })),
    watchlist: () => lookups.watchlists.map((w) => ({ value: w.id, label: w.name })),
    // Names, not ids: a rule outlives a new upload of the boundaries.
    neighbourhood: () => lookups.neighbourhoods.map((n) => ({ value: n.name, label: n.name })),
  };
  const choices = (
    choiceLists[condition.type] ?? (() => lookups.accounts.map((a) => ({ value: a.id, label: a.name })))
  )();
  const offered = conditionTypesFor(event);
  const values = condition.values ?? [];
  const toggle = (value: string, on: boolean) =>
    onChange({ ...condition, values: on ? [...values, value] : values.filter((v) => v !== value) });
  const number = (field: 'latitude' | 'longitude' | 'radiusMeters', raw: string) =>
    onChange({ ...condition, [field]: raw.trim() === '' ? undefined : Number(raw.replace(',', '.')) });

  return (
    <fieldset className="rule-line" data-testid="rule-condition">
      <legend className="visually-hidden">{t('rules.conditionType')}</legend>
      <select
        id={id}
        aria-label={t('rules.conditionType')}
        value={condition.type}
        onChange={(e) => onChange(blankCondition(e.target.value as ConditionType))}
      >
        {(offered.includes(condition.type) ? offered : [condition.type, ...offered]).map((type) => (
          <option key={type} value={type}>
            {t(`rules.cond.${type}`)}
          </option>
        ))}
      </select>
      {(input === 'text' || input === 'keywords') && (
        <label className="rule-values">
          <span className="visually-hidden">{t('rules.values')}</span>
          <ListInput
            key={condition.type}
            values={values}
            placeholder={t(input === 'keywords' ? 'rules.keywordsHint' : 'rules.valuesHint')}
            onChange={(next) => onChange({ ...condition, values: next })}
            testId="rule-condition-values"
          />
        </label>
      )}
      {input === 'choice' && condition.type === 'watchlist' && choices.length === 0 && (
        <span className="muted small">{t('rules.noWatchlists')}</span>
      )}
      {input === 'choice' && condition.type === 'neighbourhood' && choices.length === 0 && (
        <span className="muted small">{t('rules.noNeighbourhoods')}</span>
      )}
      {input === 'choice' && (
        <span className="rule-choices" role="group" aria-label={t('rules.values')}>
          {choices.map((choice) => (
            <label key={choice.value} className="checkbox">
              <input
                type="checkbox"
                checked={values.includes(choice.value)}
                onChange={(e) => toggle(choice.value, e.target.checked)}
              />{' '}
              <span data-user-content>{choice.label}</span>
            </label>
          ))}
        </span>
      )}
      {input === 'number' && (
        <label className="rule-number">
          {t('rules.minReach')}
          <input
            inputMode="numeric"
            defaultValue={values[0] ?? ''}
            onChange={(e) => {
              const digits = e.target.value.replace(/[\s.]/g, '');
              onChange({ ...condition, values: digits === '' ? [] : [digits] });
            }}
            data-testid="rule-condition-number"
          />
        </label>
      )}
      {input === 'point' && (
        <span className="rule-point">
          <label>
            {t('rules.latitude')}
            <input
              inputMode="decimal"
              defaultValue={condition.latitude ?? ''}
              onChange={(e) => number('latitude', e.target.value)}
            />
          </label>
          <label>
            {t('rules.longitude')}
            <input
              inputMode="decimal"
              defaultValue={condition.longitude ?? ''}
              onChange={(e) => number('longitude', e.target.value)}
            />
          </label>
          <label>
            {t('rules.radius')}
            <input
              inputMode="numeric"
              defaultValue={condition.radiusMeters ?? ''}
              onChange={(e) => number('radiusMeters', e.target.value)}
            />
          </label>
        </span>
      )}
      <button type="button" className="secondary push" onClick={onRemove}>
        {t('rules.removeCondition')}
      </button>
    </fieldset>
  );
}
