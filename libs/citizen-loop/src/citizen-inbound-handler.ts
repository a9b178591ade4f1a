import type { EntityManager } from 'typeorm';

/** A citizen's message as the inbound scanner hands it to each handler, once. */
export interface CitizenInboundMessage {
  id: string;
  organizationId: string;
  conversationId: string;
  channelAccountId: string;
  channel: string;
  contactId: string | null;
  kind: string;
  text: string | null;
  /** Raw payload fields some handlers read (e.g. a WhatsApp interactive button reply id). */
  raw: unknown;
  sentAt: Date;
  /** This message opened its conversation (the conversation's first inbound message). */
  opensConversation: boolean;
  /** The messages the scanner handles in this transaction, this one included (handlers may load them at once). */
  batchMessageIds?: readonly string[];
}

/**
 * Something that reacts to a new citizen message by itself: acknowledgement, DUR/STOP, a status
 * query, a satisfaction answer, the out-of-hours reply. Handlers run in order inside one
 * transaction per message; the first that returns 'consumed' stops the rest (e.g. a rating "5"
 * is not also read as a new request).
 */
export interface CitizenInboundHandler {
  /**
   * Lower runs first. The product's handlers: 10 DUR/STOP opt-out, 20 status request, 30
   * satisfaction answer, 40 out-of-hours reply, 50 new-conversation acknowledgement.
   */
  readonly order: number;
  handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'>;
}
