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
  /** Message events: the message was read as urgent (issue 28); values ['true'] or ['false']. */
  Urgent = 'urgent',
  /** The citizen's contact has one of these tags (contact.tags). */
  ContactTag = 'contact_tag',
  /** Case events only: the case's category code, directorate, priority, (new) status, status before the change. */
  CaseCategory = 'case_category',
  CaseDepartment = 'case_department',
  CasePriority = 'case_priority',
  CaseStatus = 'case_status',
  CasePreviousStatus = 'case_previous_status',
  /** Message and case events: the neighbourhood (mahalle) of the pin, else the one the words name (names, folded). */
  Neighbourhood = 'neighbourhood',
  /** Mention events only: the watchlist the mention matched (watchlist ids). */
  Watchlist = 'watchlist',
  /** Mention events only: the post's reach (followers, else impressions) is at least values[0]. */
  MinReach = 'min_reach',
}

export const RULE_CONDITION_TYPES = Object.values(RuleConditionType);

/**
 * One condition as stored (jsonb) and sent by the API. `values` for the list conditions (channels,
 * account ids, labels, kinds, keywords with `*` prefixes, tags, languages, watchlist ids; one number
 * for `min_reach`); the point and radius for `near`.
 */
export interface RuleCondition {
  type: RuleConditionType;
  values?: string[];
  latitude?: number;
  longitude?: number;
  radiusMeters?: number;
}

export type RuleMatchMode = 'all' | 'any';
