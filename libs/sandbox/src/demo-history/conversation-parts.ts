import type { MessageAttachment } from '@civic/domain';
import type { DemoCatalog } from './demo-history.types';

type Officer = DemoCatalog['officers'][number];
type Category = DemoCatalog['categories'][number];

/** A generated photo already stored under MEDIA_DIR (content-addressed), shared by many messages. */
export interface StoredPhoto {
  /** The category code the photo shows. */
  subject: string;
  sha256: string;
  storageKey: string;
  size: number;
}

/** What a conversation is about, when the caller decides (the water cut's morning). */
export interface ConversationTopic {
  category?: Category;
  text?: string;
  neighbourhood?: string;
}

export interface Draft {
  direction: 'in' | 'out';
  at: number;
  text: string | null;
  attachments: MessageAttachment[];
  officer?: Officer;
  id: string;
  /** An automatic message (no officer): the reply request ReplyService keeps in raw, and the message it answers. */
  automatic?: { request: Record<string, unknown>; inReplyTo: string | null };
}

/** A case photo: a reference to the message's stored image (as CaseOpeningService keeps it). */
export function casePhoto(message: Draft): Record<string, unknown> {
  const a = message.attachments[0];
  return {
    messageId: message.id,
    attachmentIndex: 0,
    path: `/api/v1/messages/${message.id}/attachments/0`,
    type: a.type,
    channelMediaId: a.channelMediaId ?? null,
    channelUrl: null,
    mediaAssetId: a.mediaAssetId ?? null,
    mimeType: a.mimeType ?? null,
    caption: a.caption ?? null,
  };
}
