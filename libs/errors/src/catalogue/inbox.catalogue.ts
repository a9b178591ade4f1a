import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Inbox: conversations, messages, contacts, canned responses, attachments and media links. */
export const INBOX_ERRORS: CatalogueEntries = {
  [ErrorCode.ConversationNotFound]: { status: 404, tr: 'Konuşma bulunamadı', en: 'Conversation not found' },
  [ErrorCode.MessageNotFound]: { status: 404, tr: 'Mesaj bulunamadı', en: 'Message not found' },
  [ErrorCode.ContactNotFound]: { status: 404, tr: 'Kişi bulunamadı', en: 'Contact not found' },
  [ErrorCode.OtherContactNotFound]: {
    status: 404,
    tr: 'Bağlanacak kişi bulunamadı (otherContactId)',
    en: 'otherContactId not found',
  },
  [ErrorCode.ContactAvatarNotFound]: {
    status: 404,
    tr: 'Kişinin profil resmi yok',
    en: 'The contact has no profile picture',
  },
  [ErrorCode.CannedResponseNotFound]: { status: 404, tr: 'Hazır yanıt bulunamadı', en: 'Canned response not found' },
  [ErrorCode.CannedResponseSharedAdminOnly]: {
    status: 403,
    tr: 'Ortak hazır yanıtları yalnızca yöneticiler ekleyip değiştirebilir',
    en: 'Only administrators may add or change shared canned responses',
  },
  [ErrorCode.AttachmentNotFound]: {
    status: 404,
    tr: '{messageId} mesajının {index}. eki bulunamadı',
    en: 'Attachment {index} of message {messageId} not found',
  },
  [ErrorCode.AttachmentNotStored]: {
    status: 404,
    tr: '{messageId} mesajının {index}. eki saklanmıyor ({state})',
    en: 'Attachment {index} of message {messageId} is not stored ({state})',
  },
  [ErrorCode.AttachmentMissingOnDisk]: {
    status: 404,
    tr: '{messageId} mesajının {index}. eki diskte yok',
    en: 'Attachment {index} of message {messageId} is missing on disk',
  },
  [ErrorCode.MediaLinkInvalid]: {
    status: 403,
    tr: 'Dosya bağlantısı geçersiz',
    en: 'The media link is invalid',
  },
  [ErrorCode.MediaLinkExpired]: {
    status: 403,
    tr: 'Dosya bağlantısının süresi doldu; konuşmayı yeniden açın',
    en: 'The media link has expired; open the conversation again',
  },
};
