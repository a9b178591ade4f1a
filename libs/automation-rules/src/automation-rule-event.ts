/** When a rule is considered (issue 26). Only citizens' inbound messages are events: outbound and system messages never are. */
export enum AutomationRuleEvent {
  /** Every new citizen message (the inbound scanner, after ingest). */
  MessageReceived = 'message_received',
  /** The citizen message that opened its conversation. */
  ConversationCreated = 'conversation_created',
}

export const AUTOMATION_RULE_EVENTS = Object.values(AutomationRuleEvent);
