import type { MacroAction, MacroActionKind } from '../../api/queries/use-macros';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { OptionSelect } from '../option-select';
import type { MacroLookups } from './macro-lookups';

/** The kinds in the order the editor offers them (the example first: case, officer, tag, reply). */
export const MACRO_ACTION_KINDS: readonly MacroActionKind[] = [
  'open_case',
  'assign_officer',
  'assign_team',
  'add_tags',
  'send_canned_response',
  'set_priority',
  'forward_case',
  'notify_team',
  'notify_team_webhook',
  'close_as_spam',
  'close_conversation',
];

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Whether the action has the value its kind needs (checked before saving, in the user's words). */
export function actionComplete(a: MacroAction): boolean {
  switch (a.kind) {
    case 'open_case':
      // Without a category the learned suggestion decides (only at or above the threshold).
      return true;
    case 'assign_officer':
      return !!a.userId;
    case 'assign_team':
    case 'notify_team':
    case 'notify_team_webhook':
      return !!a.teamId;
    case 'add_tags':
      return (a.tags ?? []).length > 0;
    case 'set_priority':
      return !!a.priority;
    case 'forward_case':
      return !!a.departmentId;
    case 'send_canned_response':
      return !!a.cannedResponseId;
    default:
      return true;
  }
}

/** One step of a macro: what to do, then the value its kind needs, chosen from lists. */
export function MacroActionRow({
  index,
  count,
  action,
  lookups,
  shared,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  action: MacroAction;
  lookups: MacroLookups;
  /** A shared macro may send shared canned responses only. */
  shared: boolean;
  onChange(next: MacroAction): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<MacroAction>) => onChange({ ...action, ...patch });
  const k = action.kind;
  const step = t('macros.step', { number: String(index + 1) });
  return (
    <fieldset className="macro-step" data-testid="macro-step">
      <legend>{step}</legend>
      <label>
        {t('macros.actionKind')}
        <select
          aria-label={t('macros.actionKind')}
          value={k}
          onChange={(e) => onChange({ kind: e.target.value as MacroActionKind })}
          data-testid="macro-step-kind"
        >
          {MACRO_ACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`macros.act.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {k === 'open_case' && (
        <>
          <OptionSelect
            placeholder={t('readings.rule.suggestedCategory')}
            label={t('macros.field.category')}
            value={action.categoryKey}
            options={lookups.categories.map((c) => ({ value: c.code, label: c.name }))}
            onChange={(categoryKey) => set({ categoryKey })}
            optional
          />
          <OptionSelect
            placeholder={t('macros.none')}
            label={t('macros.field.department')}
            value={action.departmentId}
            options={lookups.departments.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(departmentId) => set({ departmentId })}
            optional
          />
        </>
      )}
      {k === 'assign_officer' && (
        <OptionSelect
          placeholder={t('macros.choose')}
          label={t('macros.field.officer')}
          value={action.userId}
          options={lookups.officers.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(userId) => set({ userId })}
        />
      )}
      {(k === 'assign_team' || k === 'notify_team' || k === 'notify_team_webhook') && (
        <OptionSelect
          placeholder={t('macros.choose')}
          label={t('macros.field.team')}
          value={action.teamId}
          options={lookups.teams.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(teamId) => set({ teamId })}
        />
      )}
      {k === 'add_tags' && (
        <label className="macro-step-wide">
          {t('macros.field.tags')}
          <input
            aria-label={t('macros.field.tags')}
            defaultValue={(action.tags ?? []).join(', ')}
            placeholder={t('macros.tagsHint')}
            onChange={(e) =>
              set({
                tags: e.target.value
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
              })
            }
          />
        </label>
      )}
      {k === 'set_priority' && (
        <OptionSelect
          placeholder={t('macros.choose')}
          label={t('macros.field.priority')}
          value={action.priority}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}` as MessageKey) }))}
          onChange={(priority) => set({ priority: priority as MacroAction['priority'] })}
        />
      )}
      {k === 'forward_case' && (
        <OptionSelect
          placeholder={t('macros.choose')}
          label={t('macros.field.externalBody')}
          value={action.departmentId}
          options={lookups.bodies.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(departmentId) => set({ departmentId })}
        />
      )}
      {k === 'send_canned_response' && (
        <OptionSelect
          placeholder={t('macros.choose')}
          label={t('macros.field.canned')}
          value={action.cannedResponseId}
          options={lookups.canned.filter((c) => !shared || c.shared).map((c) => ({ value: c.id, label: c.title }))}
          onChange={(cannedResponseId) => set({ cannedResponseId })}
        />
      )}
      <div className="macro-step-buttons">
        <button
          type="button"
          className="secondary"
          disabled={index === 0}
          aria-label={`${step}: ${t('macros.moveUp')}`}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary"
          disabled={index === count - 1}
          aria-label={`${step}: ${t('macros.moveDown')}`}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" className="secondary" onClick={onRemove}>
          {t('macros.removeAction')}
        </button>
      </div>
    </fieldset>
  );
}
