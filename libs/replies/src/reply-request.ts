import type { ReplyButton, ReplyTemplate } from '@civic/channels-core';

/** What an officer asks to send (the HTTP body, already validated). */
export interface ReplyRequest {
  text?: string;
  media?: { type: string; url: string }[];
  template?: ReplyTemplate;
  privateReply?: boolean;
  inReplyToMessageId?: string;
  /** Files uploaded for this conversation (POST …/reply-attachments), in the order they are sent. */
  attachmentIds?: string[];
  /** Reply buttons under the text (max 3, titles up to 20 characters): WhatsApp shows them, other channels write them. */
  buttons?: ReplyButton[];
  /**
   * The collision guard: the latest message the sender was shown. Another officer's reply since then
   * (or one held for approval) refuses the reply with 409 `reply.collision`; absent, nothing is checked.
   */
  seenUpToMessageId?: string;
  /** The sender saw the collision and sends anyway. */
  confirmCollision?: boolean;
}

/** Kept on the queued outbound message so the worker rebuilds exactly the reply that was accepted. */
export interface StoredReplyRequest {
  template?: ReplyTemplate;
  privateReply?: boolean;
  buttons?: ReplyButton[];
}

/** The answer of the reply endpoint (also what an Idempotency-Key replay returns). */
export interface ReplyResponse {
  id: string;
  conversationId: string;
  direction: string;
  kind: string;
  text: string | null;
  attachments: unknown[];
  deliveryState: string;
  inReplyToMessageId: string | null;
  /** Null for an automatic message to the citizen. */
  authorUserId: string | null;
  sentAt: string;
}
