import { isUUID } from 'class-validator';

/**
 * A tag put on a send that the channel hands back with that message's statuses (WhatsApp's
 * `biz_opaque_callback_data`) or its echo (Messenger's `message.metadata`). It carries our message
 * id, so a status or an echo can name its reply even when the worker died after the channel
 * accepted the send and before the channel's id was stored.
 * The prefix tells our tags apart from those of other software sending from the same number.
 */
const PREFIX = 'civic-inbox:reply:';

export function replyCallbackData(replyId: string): string {
  return `${PREFIX}${replyId}`;
}

/** Our reply id from an echoed tag, or null when the tag is absent, someone else's or malformed. */
export function replyIdFromCallbackData(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) {
    return null;
  }
  const id = value.slice(PREFIX.length);
  return isUUID(id) ? id.toLowerCase() : null;
}
