import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import type {
  AutomationRule,
  AutomationRuleInput,
  RuleAction,
  RuleCondition,
} from '../../api/queries/use-automation-rules';
import { useChangeAutomationRule, useTryAutomationRule } from '../../api/queries/use-automation-rules';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { AdminError } from '../admin/admin-error';
import { ActionRow } from './action-row';
import { ConditionRow } from './condition-row';
import { DryRunResult } from './dry-run-result';
import type { RuleEvent } from './rule-catalog';
import {
  actionKindsFor,
  blankAction,
  blankCondition,
  conditionTypesFor,
  isCaseEvent,
  isMentionEvent,
  RULE_EVENTS,
} from './rule-catalog';
import { useRuleLookups } from './use-rule-words';

const FIELDS: Record<string, MessageKey> = {
  name: 'rules.name',
  event: 'rules.when',
  match: 'rules.when',
  conditions: 'rules.if',
  actions: 'rules.then',
};

/** Rows keep a key of their own, so removing one in the middle does not hand its neighbour's typing to another. */
interface Keyed<T> {
  key: number;
  item: T;
}

/** The when / if / then editor, with "Dene" (a dry run over the last 500 messages of the rule as it stands). */
export function RuleEditor({ rule, onDone }: { rule: AutomationRule | null; onDone(): void }) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const next = useRef(0);
  const keyed = <T,>(items: T[]): Keyed<T>[] => items.map((item) => ({ key: next.current++, item }));
  const [name, setName] = useState(rule?.name ?? '');
  const [event, setEvent] = useState<RuleEvent>((rule?.event as RuleEvent) ?? 'message_received');
  const [match, setMatch] = useState<'all' | 'any'>(rule?.match ?? 'all');
  const [conditions, setConditions] = useState(() =>
    keyed<RuleCondition>(rule?.conditions ?? [blankCondition('keywords')]),
  );
  const [actions, setActions] = useState(() => keyed<RuleAction>(rule?.actions ?? [blankAction('open_case')]));
  const [stopHere, setStopHere] = useState(rule?.stopHere ?? false);
  const [enabled, setEnabled] = useState(rule?.enabled ?? false);
  const save = useChangeAutomationRule();
  const trial = useTryAutomationRule();

  const body = (): AutomationRuleInput => ({
    name: name.trim(),
    event,
    match,
    conditions: conditions.map((c) => c.item),
    actions: actions.map((a) => a.item),
    stopHere,
    enabled,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: rule?.id, input: body() }, { onSuccess: onDone });
  };
  const tryIt = () => {
    const { enabled: _enabled, ...tried } = body();
    trial.mutate(tried);
  };
  /** Another event: conditions it does not offer go, and actions it does not offer become its first action ("add tags"). */
  const changeEvent = (next: RuleEvent) => {
    setEvent(next);
    const conditionTypes = conditionTypesFor(next);
    const actionKinds = actionKindsFor(next);
    setConditions((list) => list.filter((c) => conditionTypes.includes(c.item.type)));
    const fallback = actionKinds.includes('add_tags') ? 'add_tags' : actionKinds[0];
    setActions((list) =>
      list.map((a) => (actionKinds.includes(a.item.kind) ? a : { key: a.key, item: blankAction(fallback) })),
    );
  };
  const replace = <T,>(list: Keyed<T>[], key: number, item: T) => list.map((x) => (x.key === key ? { key, item } : x));
  const title = rule ? t('rules.editNamed', { name: rule.name }) : t('rules.new');
  // What "add a condition / an action" starts with: the usual one when the event offers it.
  const newConditionType = conditionTypesFor(event).includes('has_location') ? 'has_location' : 'watchlist';
  const newActionKind = actionKindsFor(event).includes('add_tags') ? 'add_tags' : actionKindsFor(event)[0];
  const tryExplain = isMentionEvent(event)
    ? 'rules.tryExplainMentions'
    : isCaseEvent(event)
      ? 'rules.tryExplainCases'
      : 'rules.tryExplain';

  return (
    <form
      className="admin-form admin-edit-form rule-editor"
      aria-label={title}
      noValidate
      onSubmit={submit}
      data-testid="rule-editor"
    >
      <h3 className="full">{title}</h3>
      <label className="full">
        {t('rules.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="rule-name" data-user-content />
      </label>

      <fieldset className="full rule-block">
        <legend>{t('rules.when')}</legend>
        <select aria-label={t('rules.when')} value={event} onChange={(e) => changeEvent(e.target.value as RuleEvent)}>
          {RULE_EVENTS.map((ev) => (
            <option key={ev} value={ev}>
              {t(`rules.event.${ev}`)}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset className="full rule-block">
        <legend>{t('rules.if')}</legend>
        <select aria-label={t('rules.if')} value={match} onChange={(e) => setMatch(e.target.value as 'all' | 'any')}>
          <option value="all">{t('rules.match.all')}</option>
          <option value="any">{t('rules.match.any')}</option>
        </select>
        {conditions.length === 0 && <p className="muted small">{t('rules.noConditions')}</p>}
        {conditions.map(({ key, item }, index) => (
          <ConditionRow
            key={key}
            index={index}
            condition={item}
            event={event}
            lookups={lookups}
            onChange={(changed) => setConditions((list) => replace(list, key, changed))}
            onRemove={() => setConditions((list) => list.filter((x) => x.key !== key))}
          />
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setConditions((list) => [...list, ...keyed([blankCondition(newConditionType)])])}
        >
          {t('rules.addCondition')}
        </button>
      </fieldset>

      <fieldset className="full rule-block">
        <legend>{t('rules.then')}</legend>
        {actions.length === 0 && <p className="muted small">{t('rules.noActions')}</p>}
        {actions.map(({ key, item }) => (
          <ActionRow
            key={key}
            action={item}
            event={event}
            lookups={lookups}
            onChange={(changed) => setActions((list) => replace(list, key, changed))}
            onRemove={() => setActions((list) => list.filter((x) => x.key !== key))}
          />
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setActions((list) => [...list, ...keyed([blankAction(newActionKind)])])}
          data-testid="rule-add-action"
        >
          {t('rules.addAction')}
        </button>
      </fieldset>

      <label className="checkbox full">
        <input type="checkbox" checked={stopHere} onChange={(e) => setStopHere(e.target.checked)} />{' '}
        {t('rules.stopHere')}
      </label>
      <label className="checkbox full">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          data-testid="rule-enabled"
        />{' '}
        {t('rules.enabled')}
      </label>
      <AdminError error={save.error ?? trial.error} fields={FIELDS} />
      <div className="item-line full">
        <button type="submit" disabled={save.isPending}>
          {t('rules.save')}
        </button>
        <button type="button" className="secondary" onClick={tryIt} disabled={trial.isPending} data-testid="rule-try">
          {trial.isPending ? t('rules.trying') : t('rules.try')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('rules.cancel')}
        </button>
      </div>
      <p className="muted small full">{t(tryExplain)}</p>
      {trial.data && <DryRunResult result={trial.data} />}
    </form>
  );
}
