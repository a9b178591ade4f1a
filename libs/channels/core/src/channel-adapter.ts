import type { Channel, ConversationKind, MessageAttachment } from '@civic/model';
import type { NormalizedEvent } from './normalized-event';
import type { ReplyMediaPolicy, ReplyMediaTarget } from './reply-media-policy';

/** A connected account as an adapter sees it: ids and decrypted credentials, no database. */
export interface ChannelAccountContext {
  id: string;
  organizationId: string;
  channel: Channel;
  externalId: string;
  handle: string | null;
  credentials: Record<string, string>;
  cursors: Record<string, string>;
  sandbox: boolean;
}

export interface PollResult {
  events: NormalizedEvent[];
  /** The cursors to persist once the events are stored (only the streams that moved). */
  cursors: Record<string, string>;
}

/** Template message for channels that need one outside the free-reply window (WhatsApp). */
export interface ReplyTemplate {
  name: string;
  language: string;
  parameters?: string[];
}

/** A reply button (WhatsApp interactive `button`); the id comes back with the citizen's tap. */
export interface ReplyButton {
  id: string;
  title: string;
}

/** Everything an adapter needs to check and send one reply, derived from the conversation. */
export interface OutboundReply {
  conversationKind: ConversationKind;
  threadKey: string;
  rootExternalId: string | null;
  /** The contact's channel user id (DM recipient). */
  recipientExternalId: string | null;
  /** The message being answered (a comment, a tweet); null for a plain DM. */
  inReplyTo: { externalId: string; kind: string; deleted: boolean } | null;
  text: string | null;
  media?: MessageAttachment[];
  template?: ReplyTemplate;
  /**
   * Up to three reply buttons under the text: WhatsApp shows them (interactive message); other
   * adapters write them under the text (withButtonsAsText).
   */
  buttons?: ReplyButton[];
  /** Answer a public comment with a private message (Facebook/Instagram private replies). */
  privateReply?: boolean;
  /** When the conversation's free-reply window closes (null: no window). */
  replyWindowExpiresAt: Date | null;
  /** Last inbound message time, for channels with longer tagged windows (Messenger HUMAN_AGENT). */
  lastInboundAt: Date | null;
  now: Date;
  /** Our message id of the reply, for channels that can tag a send and echo the tag back (replyCallbackData). */
  replyId?: string;
  /**
   * The files an officer uploaded (media with a storageKey), set by the reply worker: their bytes,
   * for channels that take uploads, and a short-lived public link (null without PUBLIC_URL), for
   * channels that fetch a file from a URL. Indexes are those of `media`.
   */
  files?: ReplyFiles;
}

export interface ReplyFiles {
  read(index: number): Promise<Buffer>;
  publicUrl(index: number): string | null;
}

export interface SendResult {
  /** The channel's id of the sent message (so later status webhooks and echoes find it). */
  externalId: string;
  /**
   * A reply the channel carries as several messages (media first, the text last): the ids of those
   * before the last, whose statuses then name a part of the reply instead of an unknown message.
   */
  partExternalIds?: string[];
  raw?: unknown;
}

/** A person's name and picture as the channel's profile API gives them (picture bytes fetched at once: its URL expires). */
export interface ContactProfile {
  name: string | null;
  handle: string | null;
  picture: { data: Buffer; contentType: string | null } | null;
}

/**
 * The one interface every channel implements. Adapters turn raw payloads into normalized events
 * and send replies; they never touch the database (ingest owns persistence).
 */
export interface ChannelAdapter {
  readonly channel: Channel;

  /**
   * Sends per second one account may make by default, from the channel's documented limits; the
   * reply worker paces sends to it across processes. Overridden per channel (REPLY_SEND_RATE_LIMITS)
   * and per account (channel_account.send_rate_per_second).
   */
  readonly defaultSendRatePerSecond: number;

  /** Webhook `object` values this adapter parses (Meta: "page", "instagram", "whatsapp_business_account"). */
  readonly webhookObjects: readonly string[];

  /** Turn one verified webhook body into normalized events; throws WebhookPayloadError on a malformed body. */
  parseWebhook(body: unknown): NormalizedEvent[];

  /** Fetch what arrived since the account's cursors (polling and gap healing). */
  poll(account: ChannelAccountContext): Promise<PollResult>;

  /** The files a reply may carry in this kind of conversation (types, sizes, count): the channel's limits, in one place. */
  replyMediaPolicy(target: ReplyMediaTarget): ReplyMediaPolicy;

  /** Check channel rules before anything is queued; throws ReplyRefusedError with the reason. */
  validateReply(reply: OutboundReply): void;

  /** Send a reply; throws ChannelError (classified) on failure. */
  sendReply(account: ChannelAccountContext, reply: OutboundReply): Promise<SendResult>;

  /** A contact's profile for channels whose events name people by id only (events flag them lookUpProfile). */
  fetchProfile?(account: ChannelAccountContext, userExternalId: string): Promise<ContactProfile>;
}

/** A webhook body that is not what the channel documents. */
export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
  }
}
