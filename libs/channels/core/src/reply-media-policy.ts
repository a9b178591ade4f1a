import type { ConversationKind, MessageAttachment, AttachmentType } from '@civic/model';
import { ReplyRefusedError } from './channel-errors';

/** One kind of file a channel accepts in a reply, with its types and size limit. */
export interface ReplyMediaRule {
  type: AttachmentType;
  mimeTypes: readonly string[];
  maxBytes: number;
}

/**
 * Which files an officer may attach to a reply in one kind of conversation. No rules means none, and
 * `refusal` says why (shown to the officer). `needsPublicUrl`: the channel fetches the file itself
 * from a link (PUBLIC_URL must be set) instead of taking an upload.
 */
export interface ReplyMediaPolicy {
  rules: readonly ReplyMediaRule[];
  maxCount: number;
  needsPublicUrl?: boolean;
  refusal?: string;
}

/** The reply a policy is chosen for. */
export interface ReplyMediaTarget {
  conversationKind: ConversationKind;
  privateReply?: boolean;
}

export const MB = 1024 * 1024;
export const JPEG_PNG = ['image/jpeg', 'image/png'] as const;

export const noReplyMedia = (refusal: string): ReplyMediaPolicy => ({ rules: [], maxCount: 0, refusal });

/** The rule a file falls under (by its MIME type), or null. */
export function ruleFor(policy: ReplyMediaPolicy, mimeType: string | null | undefined): ReplyMediaRule | null {
  const type = (mimeType ?? '').toLowerCase();
  return policy.rules.find((rule) => rule.mimeTypes.includes(type)) ?? null;
}

/**
 * Refuses uploaded files (stored by us: storageKey) the policy does not allow: too many, a type the
 * channel does not take, or over its size limit. Checked when the file is uploaded, when the reply
 * is accepted, and again before it is sent.
 */
export function refuseMediaOutsidePolicy(
  media: readonly MessageAttachment[] | undefined,
  policy: ReplyMediaPolicy,
): void {
  const uploads = (media ?? []).filter((m) => m.storageKey);
  if (uploads.length === 0) {
    return;
  }
  if (policy.rules.length === 0) {
    throw new ReplyRefusedError('media_not_allowed', policy.refusal ?? 'This conversation takes no attachments.');
  }
  if (uploads.length > policy.maxCount) {
    throw new ReplyRefusedError('too_many_attachments', `At most ${policy.maxCount} attachment(s) per reply here.`);
  }
  for (const file of uploads) {
    const rule = ruleFor(policy, file.mimeType);
    if (!rule || rule.type !== file.type) {
      throw new ReplyRefusedError(
        'media_type_not_allowed',
        `The channel does not take ${file.mimeType ?? 'this file'} here.`,
      );
    }
    if ((file.size ?? 0) > rule.maxBytes) {
      throw new ReplyRefusedError(
        'media_too_large',
        `The file is larger than the channel allows (${Math.round(rule.maxBytes / MB)} MB).`,
      );
    }
  }
}
