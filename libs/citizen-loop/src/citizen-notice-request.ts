import type { CitizenNoticeKind } from './citizen-notice-kind';

/** One interactive reply button (WhatsApp allows three, titles up to 20 characters). */
export interface NoticeButton {
  id: string;
  title: string;
}

/**
 * An automatic message to enqueue. It is stored in the caller's transaction (outbox) and sent by
 * the notice worker through the reply outbox, so channel rules, pacing and audit apply.
 */
export interface CitizenNoticeRequest {
  organizationId: string;
  conversationId: string;
  caseId?: string | null;
  kind: CitizenNoticeKind;
  /**
   * Unique per organization: the same key is never sent twice (a redelivered webhook or a retried
   * transition enqueues nothing). E.g. `case:<id>:resolved:<resolution_count>`.
   */
  eventKey: string;
  /** Placeholder values for the organization's text ({caseNumber}, {department}, {body}, {resolution}, ...). */
  values?: Record<string, string>;
  /** Reply under this message in a public thread (the citizen's comment). */
  inReplyToMessageId?: string | null;
  /** Interactive buttons where the channel has them (WhatsApp); other channels get the text only. */
  buttons?: NoticeButton[];
}
