import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Reply approval (issue 26). */
export const REPLY_APPROVAL_ERRORS: CatalogueEntries = {
  [ErrorCode.ReplyDraftNotFound]: {
    status: 404,
    tr: 'Onay bekleyen yanıt bulunamadı ({id})',
    en: 'Reply draft not found ({id})',
  },
  [ErrorCode.ReplyDraftNotPending]: {
    status: 409,
    tr: 'Bu yanıt artık onay beklemiyor: onaylanmış ya da geri gönderilmiş',
    en: 'This reply is no longer waiting for approval: it was approved or returned',
  },
  [ErrorCode.ReplyDraftNotReturned]: {
    status: 409,
    tr: 'Yalnızca geri gönderilen bir yanıt düzenlenip yeniden gönderilebilir',
    en: 'Only a returned reply can be edited and resubmitted',
  },
  [ErrorCode.ReplyDraftNotAuthor]: {
    status: 403,
    tr: 'Geri gönderilen yanıtı yalnızca yazan görevli düzenleyebilir',
    en: 'Only the officer who wrote the returned reply can edit it',
  },
  [ErrorCode.ReplyDraftTextNotEditable]: {
    status: 400,
    tr: 'Bu yanıtın metni değiştirilemez (şablon mesajı)',
    en: "This reply's text cannot be changed (a template message)",
  },
};
