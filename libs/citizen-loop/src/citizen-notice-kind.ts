/**
 * Every kind of message civic-inbox sends a citizen by itself. Each has an organization text per
 * language (settings) and, for WhatsApp outside the 24-hour window, an approved template mapping.
 */
export enum CitizenNoticeKind {
  /** A new conversation on an account that has the acknowledgement switched on. */
  ConversationAcknowledged = 'conversation_acknowledged',
  /** A case was opened from the conversation: "Başvurunuz {caseNumber} numarasıyla alınmıştır". */
  CaseOpened = 'case_opened',
  Forwarded = 'forwarded',
  InProgress = 'in_progress',
  Resolved = 'resolved',
  Rejected = 'rejected',
  /** An external body's update arrived through /webhooks/cases/:bodyId. */
  BodyUpdate = 'body_update',
  SatisfactionSurvey = 'satisfaction_survey',
  SatisfactionThanks = 'satisfaction_thanks',
  /** The answer to "durum 2026-000123". */
  StatusReply = 'status_reply',
  OutOfHours = 'out_of_hours',
  /** The confirmation after DUR / STOP (the last automatic message that contact gets). */
  OptOutConfirmed = 'opt_out_confirmed',
}
