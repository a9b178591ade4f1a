/**
 * When a rule is considered (issue 26). Message events are citizens' inbound messages only: outbound
 * and system messages never are. Case events come from the case's own transaction (an outbox job),
 * SLA events from the SLA scanner; each is one event key, so a rule fires on it at most once.
 */
export enum AutomationRuleEvent {
  /** Every new citizen message (the inbound scanner, after ingest). */
  MessageReceived = 'message_received',
  /** The citizen message that opened its conversation. */
  ConversationCreated = 'conversation_created',
  /** A case (başvuru) was opened on a conversation. */
  CaseOpened = 'case_opened',
  /** A case's status changed (case_status is the new one, case_previous_status the old). */
  CaseStatusChanged = 'case_status_changed',
  /** An open case passed its at-risk time (75 % of the time to its due date). */
  CaseSlaAtRisk = 'case_sla_at_risk',
  /** An open case passed its due date. */
  CaseSlaBreached = 'case_sla_breached',
  /** A new mention (a public post) matched a watchlist; it has no conversation, and its rules only notify. */
  MentionMatched = 'mention_matched',
}

export const AUTOMATION_RULE_EVENTS = Object.values(AutomationRuleEvent);

/** The events whose subject is a case (its conversation is what the actions change). */
export const CASE_EVENTS: readonly AutomationRuleEvent[] = [
  AutomationRuleEvent.CaseOpened,
  AutomationRuleEvent.CaseStatusChanged,
  AutomationRuleEvent.CaseSlaAtRisk,
  AutomationRuleEvent.CaseSlaBreached,
];

export const isCaseEvent = (event: AutomationRuleEvent) => CASE_EVENTS.includes(event);

export const isMentionEvent = (event: AutomationRuleEvent) => event === AutomationRuleEvent.MentionMatched;
