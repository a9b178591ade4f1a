import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Users. */
export const USER_ERRORS: CatalogueEntries = {
  [ErrorCode.UserNotFound]: { status: 404, tr: 'Kullanıcı bulunamadı', en: 'User not found' },
  [ErrorCode.UserEmailTaken]: {
    status: 409,
    tr: '{email} e-posta adresli bir kullanıcı zaten var',
    en: 'A user with e-mail {email} already exists',
  },
  [ErrorCode.UserCannotDemoteSelf]: {
    status: 403,
    tr: 'Kendinizi devre dışı bırakamaz, yönetici rolünüzü kaldıramazsınız',
    en: 'You cannot disable yourself or remove your own admin role',
  },
  [ErrorCode.UserCannotDeleteSelf]: { status: 403, tr: 'Kendinizi silemezsiniz', en: 'You cannot delete yourself' },
  [ErrorCode.UserCurrentPasswordWrong]: { status: 400, tr: 'Mevcut parola hatalı', en: 'Current password is wrong' },
  [ErrorCode.UserUnknownChannelAccounts]: {
    status: 422,
    tr: 'channelAccountIds kurumunuzda olmayan bir hesap içeriyor',
    en: 'channelAccountIds contains an account that does not exist in your organization',
  },
};
