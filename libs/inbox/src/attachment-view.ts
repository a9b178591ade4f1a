import type { MessageAttachment } from '@civic/domain';

/**
 * Attachments as the API shows them: our stored copy behind the authorized media endpoint
 * (`url`), never the storage path; channel URLs expire, so they are not the link to follow.
 */
export function presentAttachments(messageId: string, attachments: MessageAttachment[] | null) {
  return (attachments ?? []).map(({ storageKey, ...attachment }, index) => ({
    ...attachment,
    url: storageKey ? `/api/v1/messages/${messageId}/attachments/${index}` : null,
  }));
}
