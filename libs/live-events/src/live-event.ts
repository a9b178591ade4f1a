/** PostgreSQL NOTIFY channel on which ingest, the inbox and the workers announce changes to every process. */
export const LIVE_EVENTS_CHANNEL = 'civic_live_events';

/** Names of the events published to the inbox's live stream (the SSE event type). */
export enum LiveEventName {
  /** New messages (or updates applied by ingest) in these conversations. */
  ConversationsChanged = 'conversations.changed',
  /** A conversation's state, replies, notes or media changed. */
  ConversationUpdated = 'conversation.updated',
}

/** Events the stream endpoint itself sends (never published). */
export enum LiveStreamSignal {
  Ready = 'ready',
  Ping = 'ping',
}

interface LiveEventBase {
  organizationId: string;
  conversationIds: string[];
}

export interface ConversationsChangedEvent extends LiveEventBase {
  type: LiveEventName.ConversationsChanged;
  /** How many new messages the batch stored for the organization (0 for updates). */
  newMessages: number;
}

export interface ConversationUpdatedEvent extends LiveEventBase {
  type: LiveEventName.ConversationUpdated;
  /** What changed: 'reply', 'media', 'note', 'read', activity types, `bulk:<action>`. */
  change: string;
}

export type LiveEvent = ConversationsChangedEvent | ConversationUpdatedEvent;
