export enum MessageDirection {
  Inbound = 'in',
  Outbound = 'out',
}

/** What a message is on its channel. Status-only events (deliveries, reads) are never messages. */
export enum MessageKind {
  Post = 'post',
  Comment = 'comment',
  Reply = 'reply',
  Mention = 'mention',
  Dm = 'dm',
  StoryMention = 'story_mention',
  Reaction = 'reaction',
}

/** Outbound delivery state. Ordered: a later state never goes back to an earlier one. */
export enum DeliveryState {
  Queued = 'queued',
  Sent = 'sent',
  Delivered = 'delivered',
  Read = 'read',
  Failed = 'failed',
}

/** Rank used to refuse downgrades: read beats delivered beats sent beats queued. */
export const DELIVERY_STATE_RANK: Record<DeliveryState, number> = {
  [DeliveryState.Queued]: 0,
  [DeliveryState.Sent]: 1,
  // A failure reported after "sent" is real (WhatsApp does this), but not after delivered/read.
  [DeliveryState.Failed]: 2,
  [DeliveryState.Delivered]: 3,
  [DeliveryState.Read]: 4,
};

export enum AttachmentType {
  Image = 'image',
  Video = 'video',
  Audio = 'audio',
  Document = 'document',
  Sticker = 'sticker',
  Location = 'location',
  Contact = 'contact',
  Link = 'link',
}
