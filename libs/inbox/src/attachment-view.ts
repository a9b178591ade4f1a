import type { MessageAttachment } from '@civic/domain';

/**
 * Attachments as the API shows them: our stored copy behind the authorized media endpoint
 * (`url`), never the storage path; channel URLs expire, so they are not the link to follow. An
 * image's `url` serves its display copy without EXIF (`?size=thumb` the thumbnail).
 */
export function presentAttachments(messageId: string, attachments: MessageAttachment[] | null) {
  // The EXIF position stays on the server: the case page offers it (CasePhotoLocationService).
  return (attachments ?? []).map(({ storageKey, exifLocation: _exif, ...attachment }, index) => ({
    ...attachment,
    url: storageKey ? `/api/v1/messages/${messageId}/attachments/${index}` : null,
  }));
}
