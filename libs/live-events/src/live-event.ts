/** PostgreSQL NOTIFY channel on which ingest, the inbox and the workers announce changes to every process. */
export const LIVE_EVENTS_CHANNEL = 'civic_live_events';

/** Names of the events published to the inbox's live stream (the SSE event type). */
export enum LiveEventName {
  /** New messages (or updates applied by ingest) in these conversations. */
  ConversationsChanged = 'conversations.changed',
  /** A conversation's state, replies, notes or media changed. */
  ConversationUpdated = 'conversation.updated',
  /** An officer views, types in or left a conversation (the collision guard); sent only to those who may see it. */
  ConversationPresence = 'conversation.presence',
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

/** What an officer is doing in a conversation's view; `left` ends it before the time runs out. */
export type ConversationPresenceState = 'viewing' | 'typing' | 'left';

export interface ConversationPresenceEvent extends LiveEventBase {
  type: LiveEventName.ConversationPresence;
  /** The conversation's channel account: the stream sends the event only to those granted it. */
  channelAccountId: string;
  userId: string;
  displayName: string;
  state: ConversationPresenceState;
  /** The officer counts as viewing for this many seconds unless renewed by a heartbeat (0 on `left`). */
  viewingSeconds: number;
  /** `typing` lasts this many seconds, then the officer is viewing again (0 unless typing). */
  typingSeconds: number;
  /** When the reporting process accepted it (ms since epoch): a late copy never undoes a newer state. */
  at: number;
}

export type LiveEvent = ConversationsChangedEvent | ConversationUpdatedEvent | ConversationPresenceEvent;
