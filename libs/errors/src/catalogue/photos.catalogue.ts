import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Photos (issue 27): display copies without EXIF, the position a photo's EXIF holds, officers' photos sent without it. */
export const PHOTO_ERRORS: CatalogueEntries = {
  [ErrorCode.AttachmentImageUnreadable]: {
    status: 422,
    tr: '{messageId} mesajının {index}. eki okunabilir bir fotoğraf değil; kanıt olarak saklanıyor ama gösterilemiyor',
    en: 'Attachment {index} of message {messageId} is not a readable photo; it is kept as evidence but cannot be shown',
  },
  [ErrorCode.CasePhotoLocationNotFound]: {
    status: 409,
    tr: 'Bu başvurunun fotoğraflarında konum bilgisi yok',
    en: "None of this case's photos holds a location",
  },
  [ErrorCode.ReplyAttachmentImageUnreadable]: {
    status: 400,
    tr: 'Fotoğraf okunamadı ({fileName}): dosya bozuk ya da yarım',
    en: 'The photo could not be read ({fileName}): the file is damaged or incomplete',
  },
};
