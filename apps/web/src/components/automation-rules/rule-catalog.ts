import type { RuleAction, RuleCondition } from '../../api/queries/use-automation-rules';

export type ConditionType = RuleCondition['type'];
export type ActionKind = RuleAction['kind'];
export type RuleEvent =
  | 'message_received'
  | 'conversation_created'
  | 'case_opened'
  | 'case_status_changed'
  | 'case_sla_at_risk'
  | 'case_sla_breached'
  | 'mention_matched';

/** The choices in the order the editor offers them. */
export const RULE_EVENTS: readonly RuleEvent[] = [
  'message_received',
  'conversation_created',
  'case_opened',
  'case_status_changed',
  'case_sla_at_risk',
  'case_sla_breached',
  'mention_matched',
];

/** Events about a case (başvuru): the dry run over messages does not apply to them. */
export const isCaseEvent = (event: RuleEvent) => event.startsWith('case_');

/** A public post matched a watchlist: no conversation, so only its own conditions and the team e-mail. */
export const isMentionEvent = (event: RuleEvent) => event === 'mention_matched';

/** What a mention offers (as the API's RULE_EVENT_CAPABILITIES). */
const MENTION_CONDITIONS: readonly ConditionType[] = [
  'watchlist',
  'keywords',
  'channel',
  'language',
  'within_office_hours',
  'outside_office_hours',
  'min_reach',
];
const MENTION_ACTIONS: readonly ActionKind[] = ['notify_team', 'notify_team_webhook'];
/** Only a mention has a watchlist and a reach. */
const MENTION_CONDITIONS_ONLY: readonly ConditionType[] = ['watchlist', 'min_reach'];

export const CONDITION_TYPES: readonly ConditionType[] = [
  'keywords',
  'has_photo',
  'has_location',
  'near',
  'neighbourhood',
  'channel',
  'channel_account',
  'account_owner_label',
  'message_kind',
  'conversation_tag',
  'within_office_hours',
  'outside_office_hours',
  'language',
  'urgent',
  'contact_tag',
  'case_category',
  'case_department',
  'case_priority',
  'case_status',
  'case_previous_status',
  'watchlist',
  'min_reach',
];

const CASE_ONLY: readonly ConditionType[] = [
  'case_category',
  'case_department',
  'case_priority',
  'case_status',
  'case_previous_status',
];

/** The conditions an event offers (as the API checks: case conditions on case events, the previous status on status changes). */
export function conditionTypesFor(event: RuleEvent): ConditionType[] {
  if (isMentionEvent(event)) {
    return [...MENTION_CONDITIONS];
  }
  if (!isCaseEvent(event)) {
    return CONDITION_TYPES.filter((c) => !CASE_ONLY.includes(c) && !MENTION_CONDITIONS_ONLY.includes(c));
  }
  return CONDITION_TYPES.filter(
    (c) =>
      c !== 'message_kind' &&
      c !== 'urgent' &&
      !MENTION_CONDITIONS_ONLY.includes(c) &&
      (c !== 'case_previous_status' || event === 'case_status_changed'),
  );
}

/** The actions an event offers: a case event's conversation has its case, so "open a case" is not offered. */
export function actionKindsFor(event: RuleEvent): ActionKind[] {
  if (isMentionEvent(event)) {
    return [...MENTION_ACTIONS];
  }
  return ACTION_KINDS.filter((a) => !isCaseEvent(event) || a !== 'open_case');
}

export const ACTION_KINDS: readonly ActionKind[] = [
  'open_case',
  'add_tags',
  'assign_team',
  'assign_officer',
  'set_priority',
  'forward_case',
  'send_canned_response',
  'notify_team',
  'notify_team_webhook',
  'close_as_spam',
  'close_conversation',
];

/** How a condition's values are entered: free text, chosen from a list, a point, one number, or nothing. */
export type ConditionInput = 'text' | 'keywords' | 'choice' | 'point' | 'number' | 'none';

export const CONDITION_INPUT: Record<ConditionType, ConditionInput> = {
  keywords: 'keywords',
  has_photo: 'none',
  has_location: 'none',
  near: 'point',
  neighbourhood: 'choice',
  channel: 'choice',
  channel_account: 'choice',
  account_owner_label: 'text',
  message_kind: 'choice',
  conversation_tag: 'text',
  within_office_hours: 'none',
  outside_office_hours: 'none',
  language: 'choice',
  urgent: 'choice',
  contact_tag: 'text',
  case_category: 'choice',
  case_department: 'choice',
  case_priority: 'choice',
  case_status: 'choice',
  case_previous_status: 'choice',
  watchlist: 'choice',
  min_reach: 'number',
};

export { CHANNELS } from '../../api/channels';
export const MESSAGE_KINDS = ['dm', 'comment', 'reply', 'post', 'mention', 'story_mention', 'reaction'] as const;
/** The languages the readings tell apart (issue 28): a rule routes by the message's language. */
export const LANGUAGES = ['tr', 'ku', 'ar', 'en', 'other'] as const;
/** The urgent condition's values: the message was (not) read as urgent. */
export const URGENT_VALUES = ['true', 'false'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'forwarded', 'resolved', 'rejected', 'merged'] as const;

/** A fresh condition / action of a type, with the fields it needs. */
export function blankCondition(type: ConditionType): RuleCondition {
  const input = CONDITION_INPUT[type];
  if (input === 'point') {
    return { type, latitude: 38.4192, longitude: 27.1287, radiusMeters: 500 };
  }
  return input === 'none' ? { type } : { type, values: [] };
}

export function blankAction(kind: ActionKind): RuleAction {
  return kind === 'add_tags' ? { kind, tags: [] } : { kind };
}
