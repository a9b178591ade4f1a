import type {
  Channel,
  ConversationKind,
  DeliveryError,
  DeliveryState,
  MessageAttachment,
  MessageDirection,
  MessageKind,
} from '@civic/model';
import { AttachmentType } from '@civic/model';

/** A citizen (or the account itself) as the channel names them. */
export interface NormalizedAuthor {
  /** The channel's stable user id as seen by the account (PSID, IGSID, X user id, wa_id or BSUID). */
  externalId: string;
  name?: string | null;
  handle?: string | null;
  phone?: string | null;
  /** The channel can give this person's name and picture on request (Messenger and Instagram DMs carry neither). */
  lookUpProfile?: boolean;
}

/** Which thread a message belongs to, in the channel's terms. */
export interface NormalizedThread {
  kind: ConversationKind;
  /** Unique within the account: e.g. "post:<post id>", "dm:<user id>", "tweet-conv:<conversation_id>". */
  key: string;
  /** The root post/tweet id of a public thread. */
  rootExternalId?: string | null;
  /** The thread is the event's contact's own (one citizen's comments under a post), so it is named after them. */
  contactOwned?: boolean;
  /**
   * The account's own comment: it joins the thread of the comment it answers when that is stored
   * (the citizen's thread under the post), and `key` only otherwise.
   */
  followsParent?: boolean;
}

interface EventBase {
  channel: Channel;
  /** The connected account's id on the channel (page id, IG account id, X user id, phone-number id). */
  accountExternalId: string;
  /** The channel's timestamp of the event. */
  occurredAt: Date;
  raw?: unknown;
}

/** A new message (inbound from a citizen, or outbound seen through an echo or poll). */
export interface MessageEvent extends EventBase {
  type: 'message';
  externalId: string;
  direction: MessageDirection;
  kind: MessageKind;
  text?: string | null;
  attachments?: MessageAttachment[];
  /** The citizen: author of inbound, recipient of outbound. */
  contact: NormalizedAuthor;
  thread: NormalizedThread;
  parentExternalId?: string | null;
  /** Until when a free-form reply is allowed (24 h windows); undefined leaves it unchanged. */
  replyWindowExpiresAt?: Date | null;
  /**
   * Outbound only: our reply this message is (part of), when the channel's echo hands back the tag
   * we put on the send (Messenger's `message.metadata`). See reply-callback-data.ts.
   */
  replyId?: string | null;
}

/** The channel reports a new text for a message it sent us before. */
export interface EditEvent extends EventBase {
  type: 'edit';
  externalId: string;
  text: string | null;
}

/** The channel reports a message was removed. */
export interface DeleteEvent extends EventBase {
  type: 'delete';
  externalId: string;
}

/** Delivery state of an outbound message (sent / delivered / read / failed). */
export interface StatusEvent extends EventBase {
  type: 'status';
  externalId: string;
  state: DeliveryState;
  error?: DeliveryError | null;
  /**
   * Our own message id, when the channel hands back a tag we put on the send (WhatsApp's
   * `biz_opaque_callback_data`): lets a reply whose send was interrupted before its channel id was
   * stored be matched to this status. See reply-callback-data.ts.
   */
  replyId?: string | null;
}

/**
 * Read receipts that name a watermark instead of message ids (Messenger `read.watermark`):
 * every outbound message of the thread sent at or before `occurredAt` is read.
 */
export interface WatermarkStatusEvent extends EventBase {
  type: 'status_watermark';
  threadKey: string;
  state: DeliveryState.Delivered | DeliveryState.Read;
}

export type NormalizedEvent = MessageEvent | EditEvent | DeleteEvent | StatusEvent | WatermarkStatusEvent;

export const ATTACHMENT_TYPES = Object.values(AttachmentType);
