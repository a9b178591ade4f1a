/** What a rule's "if" can look at. Each type has one evaluator in the ConditionEvaluatorRegistry. */
export enum RuleConditionType {
  Channel = 'channel',
  ChannelAccount = 'channel_account',
  AccountOwnerLabel = 'account_owner_label',
  MessageKind = 'message_kind',
  Keywords = 'keywords',
  HasPhoto = 'has_photo',
  HasLocation = 'has_location',
  Near = 'near',
  ConversationTag = 'conversation_tag',
  WithinOfficeHours = 'within_office_hours',
  OutsideOfficeHours = 'outside_office_hours',
  Language = 'language',
}

export const RULE_CONDITION_TYPES = Object.values(RuleConditionType);

/**
 * One condition as stored (jsonb) and sent by the API. `values` for the list conditions (channels,
 * account ids, labels, kinds, keywords with `*` prefixes, tags, languages); the point and radius for `near`.
 */
export interface RuleCondition {
  type: RuleConditionType;
  values?: string[];
  latitude?: number;
  longitude?: number;
  radiusMeters?: number;
}

export type RuleMatchMode = 'all' | 'any';
