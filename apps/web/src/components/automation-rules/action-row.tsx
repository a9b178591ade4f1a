import type { RuleAction } from '../../api/queries/use-automation-rules';
import { useI18n } from '../../i18n/i18n';
import { OptionSelect } from '../option-select';
import { ListInput } from './list-input';
import type { ActionKind, RuleEvent } from './rule-catalog';
import { actionKindsFor, blankAction, PRIORITIES } from './rule-catalog';
import type { useRuleLookups } from './use-rule-words';

/** One "then" line: the action, then the fields its kind needs. */
export function ActionRow({
  action,
  event,
  lookups,
  onChange,
  onRemove,
}: {
  action: RuleAction;
  event: RuleEvent;
  lookups: ReturnType<typeof useRuleLookups>;
  onChange(next: RuleAction): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<RuleAction>) => onChange({ ...action, ...patch });
  const teams = lookups.teams.map((x) => ({ value: x.id, label: x.name }));
  const departments = lookups.units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name }));
  const bodies = lookups.units.filter((u) => u.kind === 'external_body').map((u) => ({ value: u.id, label: u.name }));
  const k = action.kind;
  const offered = actionKindsFor(event);
  return (
    <fieldset className="rule-line" data-testid="rule-action">
      <legend className="visually-hidden">{t('rules.actionKind')}</legend>
      <select
        aria-label={t('rules.actionKind')}
        value={action.kind}
        onChange={(e) => onChange(blankAction(e.target.value as ActionKind))}
      >
        {(offered.includes(k) ? offered : [k, ...offered]).map((kind) => (
          <option key={kind} value={kind}>
            {t(`rules.act.${kind}`)}
          </option>
        ))}
      </select>
      {(k === 'assign_team' || k === 'notify_team' || k === 'notify_team_webhook') && (
        <OptionSelect
          placeholder={t('rules.choose')}
          label={t('rules.team')}
          value={action.teamId}
          options={teams}
          onChange={(teamId) => set({ teamId })}
        />
      )}
      {k === 'assign_officer' && (
        <OptionSelect
          placeholder={t('rules.choose')}
          label={t('rules.officer')}
          value={action.userId}
          options={lookups.users.map((u) => ({ value: u.id, label: u.displayName }))}
          onChange={(userId) => set({ userId })}
        />
      )}
      {k === 'add_tags' && (
        <label className="rule-values">
          {t('rules.tags')}
          <ListInput
            values={action.tags ?? []}
            placeholder={t('rules.valuesHint')}
            onChange={(tags) => set({ tags })}
            testId="rule-action-tags"
          />
        </label>
      )}
      {k === 'set_priority' && (
        <OptionSelect
          placeholder={t('rules.choose')}
          label={t('rules.priority')}
          value={action.priority}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
          onChange={(priority) => set({ priority: priority as RuleAction['priority'] })}
        />
      )}
      {k === 'open_case' && (
        <>
          {/* No category: the learned suggestion, applied only when its confidence reaches the threshold. */}
          <OptionSelect
            placeholder={t('readings.rule.suggestedCategory')}
            label={t('rules.category')}
            value={action.categoryKey}
            options={lookups.categories.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name }))}
            onChange={(categoryKey) => set({ categoryKey })}
            optional
          />
          <OptionSelect
            placeholder={'—'}
            label={t('rules.unitOptional')}
            value={action.departmentId}
            options={departments}
            onChange={(departmentId) => set({ departmentId })}
            optional
          />
        </>
      )}
      {k === 'forward_case' && (
        <OptionSelect
          placeholder={t('rules.choose')}
          label={t('rules.externalBody')}
          value={action.departmentId}
          options={bodies}
          onChange={(departmentId) => set({ departmentId })}
        />
      )}
      {k === 'send_canned_response' && (
        <OptionSelect
          placeholder={t('rules.choose')}
          label={t('rules.canned')}
          value={action.cannedResponseId}
          options={lookups.canned.filter((c) => c.shared).map((c) => ({ value: c.id, label: c.title }))}
          onChange={(cannedResponseId) => set({ cannedResponseId })}
        />
      )}
      <button type="button" className="secondary push" onClick={onRemove}>
        {t('rules.removeAction')}
      </button>
    </fieldset>
  );
}
