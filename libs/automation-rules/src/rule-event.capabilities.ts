import { ConversationActionKind } from '@civic/automation';
import { AutomationRuleEvent } from './automation-rule-event';
import { RuleConditionType } from './rule-condition';

const C = RuleConditionType;
const A = ConversationActionKind;
const E = AutomationRuleEvent;

/** What a citizen message offers: the message, its burst, its conversation and its contact. */
const MESSAGE_CONDITIONS: readonly RuleConditionType[] = [
  C.Channel,
  C.ChannelAccount,
  C.AccountOwnerLabel,
  C.MessageKind,
  C.Keywords,
  C.HasPhoto,
  C.HasLocation,
  C.Near,
  C.Neighbourhood,
  C.ConversationTag,
  C.ContactTag,
  C.WithinOfficeHours,
  C.OutsideOfficeHours,
  C.Language,
  C.Urgent,
];

/**
 * A case event: its conversation and contact as for messages (keywords read the case's description,
 * photo and location are the case's), plus the case's own fields. The message kind is the message's
 * business and is not offered.
 */
const CASE_CONDITIONS: readonly RuleConditionType[] = [
  // The message's urgency is the message's business too (the case has its priority).
  ...MESSAGE_CONDITIONS.filter((c) => c !== C.MessageKind && c !== C.Urgent),
  C.CaseCategory,
  C.CaseDepartment,
  C.CasePriority,
  C.CaseStatus,
];

/**
 * A mention is a public post, often outside the inbox: its channel, watchlist, text (keywords), the
 * language of its inbox contact when linked, the time it was published (office hours) and its reach.
 */
const MENTION_CONDITIONS: readonly RuleConditionType[] = [
  C.Channel,
  C.Watchlist,
  C.Keywords,
  C.Language,
  C.WithinOfficeHours,
  C.OutsideOfficeHours,
  C.MinReach,
];

const ALL_ACTIONS = Object.values(ConversationActionKind);
/** A case event's conversation has its case already: opening another is not offered. */
const CASE_ACTIONS = ALL_ACTIONS.filter((a) => a !== A.OpenCase);
/** A mention has no conversation to change: its rules tell a team (MentionActionRunner), nothing else. */
export const MENTION_ACTIONS: readonly ConversationActionKind[] = [A.NotifyTeam, A.NotifyTeamWebhook];

/**
 * Which conditions and actions each event offers (the editor shows only these; the API refuses the
 * others with a 400 naming the field). Case conditions exist only on case events, where they are
 * always answerable; on a message event they are refused rather than silently never true.
 */
export const RULE_EVENT_CAPABILITIES: Record<
  AutomationRuleEvent,
  { conditions: readonly RuleConditionType[]; actions: readonly ConversationActionKind[] }
> = {
  [E.MessageReceived]: { conditions: MESSAGE_CONDITIONS, actions: ALL_ACTIONS },
  [E.ConversationCreated]: { conditions: MESSAGE_CONDITIONS, actions: ALL_ACTIONS },
  [E.CaseOpened]: { conditions: CASE_CONDITIONS, actions: CASE_ACTIONS },
  [E.CaseStatusChanged]: { conditions: [...CASE_CONDITIONS, C.CasePreviousStatus], actions: CASE_ACTIONS },
  [E.CaseSlaAtRisk]: { conditions: CASE_CONDITIONS, actions: CASE_ACTIONS },
  [E.CaseSlaBreached]: { conditions: CASE_CONDITIONS, actions: CASE_ACTIONS },
  [E.MentionMatched]: { conditions: MENTION_CONDITIONS, actions: MENTION_ACTIONS },
};

/** Conditions and actions the event does not offer, each naming its field. */
export function eventProblems(
  event: AutomationRuleEvent,
  conditions: readonly { type: string }[],
  actions: readonly { kind: string }[],
): string[] {
  const offered = RULE_EVENT_CAPABILITIES[event];
  if (!offered) {
    return [];
  }
  return [
    ...conditions.flatMap((c, i) =>
      (offered.conditions as readonly string[]).includes(c.type) || !(Object.values(C) as string[]).includes(c.type)
        ? []
        : [`conditions.${i}.type ${c.type} is not available for the event ${event}`],
    ),
    ...actions.flatMap((a, i) =>
      (offered.actions as readonly string[]).includes(a.kind)
        ? []
        : [`actions.${i}.kind ${a.kind} is not available for the event ${event}`],
    ),
  ];
}
