import type { DeliveryState, MessageAttachment } from '@civic/domain';

/** The unique key of a channel's message, short of its external id. */
export interface MessageAccountKey {
  organizationId: string;
  channel: string;
  channelAccountId: string;
}

/** A message a statement changed (RETURNING id, conversation_id). */
export type UpdatedMessage = { id: string; conversation_id: string };

/** One array per column of the messages a batch inserts, all of the same length. */
export interface NewMessageColumns {
  organizationIds: string[];
  channels: string[];
  channelAccountIds: string[];
  conversationIds: string[];
  externalIds: string[];
  directions: string[];
  kinds: string[];
  texts: (string | null)[];
  searchTexts: string[];
  /** JSON of each message's attachments. */
  attachments: string[];
  parentExternalIds: (string | null)[];
  contactIds: string[];
  sentAt: string[];
  deliveryStates: (DeliveryState | null)[];
  /** JSON of each raw payload. */
  raw: (string | null)[];
  previews: (string | null)[];
  windowUntil: (string | null)[];
  mediaPending: boolean[];
  echoOfReplyIds: (string | null)[];
}

export type InsertedMessage = { id: string; channel_account_id: string; external_id: string };

/** An echo removed because it is one of our replies (newest first). */
export type RemovedEcho = { external_id: string; delivery_state: DeliveryState; conversation_id: string };

/** An echo removed when its reply's send result was stored. */
export type RemovedSentEcho = {
  reply_id: string;
  same_message: boolean;
  conversation_id: string;
  delivery_state: DeliveryState | null;
};

export interface QueuedReplyValues {
  organizationId: string;
  channel: string;
  channelAccountId: string;
  conversationId: string;
  direction: string;
  kind: string;
  text: string | null;
  searchText: string;
  attachments: MessageAttachment[];
  parentMessageId: string | null;
  parentExternalId: string | null;
  contactId: string | null;
  /** Null: an automatic message to the citizen (not an officer's response). */
  authorUserId: string | null;
  sentAt: string;
  deliveryState: DeliveryState;
  raw: unknown;
}

/** SQL fragments the dispatch claim returns with the message (the reply's conversation and target). */
export interface DispatchClaimSelects {
  /** SELECT … FROM conversation c (…); the claim adds the WHERE. */
  conversation: string;
  /** SELECT … FROM message t (…); the claim adds the WHERE. */
  target: string;
}

export type AnonymizedCounts = { messages: number; attachments: number };
