import { AUTOMATION_RULE_ERRORS } from './catalogue/automation-rules.catalogue';
import { BRIEFING_ERRORS } from './catalogue/briefing.catalogue';
import { CASE_DEADLINE_ERRORS } from './catalogue/case-deadlines.catalogue';
import type { CatalogueEntries, CatalogueEntry } from './catalogue/catalogue-entry';
import { COLLISION_ERRORS } from './catalogue/collision.catalogue';
import { DIRECTORATE_ERRORS } from './catalogue/directorate.catalogue';
import { MACRO_ERRORS } from './catalogue/macros.catalogue';
import { NEIGHBOURHOOD_ERRORS } from './catalogue/neighbourhoods.catalogue';
import { OPEN311_ERRORS } from './catalogue/open311.catalogue';
import { PHOTO_ERRORS } from './catalogue/photos.catalogue';
import { REPLY_APPROVAL_ERRORS } from './catalogue/reply-approval.catalogue';
import { TEAM_ERRORS } from './catalogue/teams.catalogue';
import type { ErrorDetails } from './domain-error';
import { ErrorCode } from './error-code';
import type { ErrorLanguage } from './error-language';

export type { CatalogueEntry } from './catalogue/catalogue-entry';

/** The core codes; newer areas keep theirs in catalogue/ (the spec checks every code has an entry). */
const CORE_ERRORS: CatalogueEntries = {
  [ErrorCode.ValidationFailed]: { status: 400, tr: 'İstek geçersiz: {errors}', en: 'Invalid request: {errors}' },
  [ErrorCode.RequestUnreadable]: { status: 400, tr: 'İstek okunamadı', en: 'The request could not be read' },
  [ErrorCode.RequestTooLarge]: { status: 413, tr: 'İstek gövdesi çok büyük', en: 'Request body too large' },
  [ErrorCode.RequestNotUtf8]: {
    status: 400,
    tr: 'İstek gövdesi geçerli UTF-8 değil',
    en: 'Request body is not valid UTF-8',
  },
  [ErrorCode.RequestTooDeep]: {
    status: 400,
    tr: 'İstek gövdesi {maxDepth} düzeyden fazla iç içe',
    en: 'Request body is nested deeper than {maxDepth} levels',
  },
  [ErrorCode.RequestTooManyKeys]: {
    status: 400,
    tr: 'Bir nesnede en çok {max} alan olabilir ({field} içinde {count} var)',
    en: 'An object may have at most {max} keys ({field} has {count})',
  },
  [ErrorCode.UnstorableCharacter]: {
    status: 400,
    tr: '{field} saklanamayan bir karakter içeriyor (NUL ya da eşi olmayan vekil)',
    en: '{field} contains a character that cannot be stored (NUL or a lone surrogate)',
  },
  [ErrorCode.PathHasNul]: {
    status: 400,
    tr: 'Adres NUL karakteri içeriyor (%00)',
    en: 'The path contains a NUL character (%00)',
  },
  [ErrorCode.UnsupportedMediaType]: { status: 415, tr: 'İçerik türü desteklenmiyor', en: 'Unsupported media type' },
  [ErrorCode.UnsupportedContentEncoding]: {
    status: 415,
    tr: 'Content-Encoding "{encoding}" kabul edilmiyor',
    en: 'Content-Encoding "{encoding}" is not accepted',
  },
  [ErrorCode.MethodNotAllowed]: { status: 405, tr: 'Bu adreste bu yöntem kullanılamaz', en: 'Method not allowed' },
  [ErrorCode.NotAcceptable]: { status: 406, tr: 'İstenen biçimde yanıt verilemiyor', en: 'Not acceptable' },
  [ErrorCode.RouteNotFound]: { status: 404, tr: 'Böyle bir adres yok', en: 'No such route' },
  [ErrorCode.Unauthorized]: { status: 401, tr: 'Giriş gerekli', en: 'Sign in required' },
  [ErrorCode.Forbidden]: { status: 403, tr: 'Bu işleme yetkiniz yok', en: 'You may not do this' },
  [ErrorCode.Conflict]: {
    status: 409,
    tr: 'İstek mevcut durumla çakışıyor',
    en: 'The request conflicts with the current state',
  },
  [ErrorCode.Unprocessable]: { status: 422, tr: 'İstek işlenemedi', en: 'The request could not be processed' },
  [ErrorCode.RateLimited]: {
    status: 429,
    tr: 'Çok fazla istek; biraz sonra tekrar deneyin',
    en: 'Too many requests; try again shortly',
  },
  [ErrorCode.ServiceUnavailable]: { status: 503, tr: 'Hizmet şu an kullanılamıyor', en: 'Service unavailable' },
  [ErrorCode.RequestFailed]: { status: 400, tr: 'İstek yerine getirilemedi', en: 'The request failed' },
  [ErrorCode.Internal]: { status: 500, tr: 'Beklenmeyen bir hata oluştu', en: 'An unexpected error occurred' },

  [ErrorCode.TokenMissing]: {
    status: 401,
    tr: 'Giriş gerekli: bearer anahtarı yok',
    en: 'Sign in required: missing bearer token',
  },
  [ErrorCode.TokenInvalid]: { status: 401, tr: 'Anahtar geçersiz veya süresi dolmuş', en: 'Invalid or expired token' },
  [ErrorCode.RoleRequired]: {
    status: 403,
    tr: 'Bu işlem şu rollerden birini gerektirir: {roles}',
    en: 'This action needs one of the roles: {roles}',
  },
  [ErrorCode.WrongCredentials]: { status: 401, tr: 'E-posta veya parola hatalı', en: 'Wrong e-mail or password' },
  [ErrorCode.LoginLocked]: {
    status: 429,
    tr: 'Çok fazla hatalı giriş; {retryAfterMinutes} dakika sonra tekrar deneyin',
    en: 'Too many failed sign-ins; try again in {retryAfterMinutes} minutes',
  },
  [ErrorCode.PasswordSignInDisabled]: {
    status: 403,
    tr: 'Bu kurumda parola ile giriş kapalı; "Kurum hesabıyla giriş yap" ile girin',
    en: 'Password sign-in is switched off for this organization; sign in with single sign-on (SSO)',
  },
  [ErrorCode.SessionNotFound]: { status: 404, tr: 'Oturum bulunamadı', en: 'Session not found' },
  [ErrorCode.ApiTokenCannotCreateTokens]: {
    status: 403,
    tr: 'API anahtarları API anahtarı oluşturamaz; kişi olarak giriş yapın',
    en: 'API tokens cannot create API tokens; sign in as a person',
  },
  [ErrorCode.ApiTokenRolesNotHeld]: {
    status: 403,
    tr: 'Sahip olmadığınız rolleri veremezsiniz: {roles}',
    en: 'You cannot grant roles you do not have: {roles}',
  },
  [ErrorCode.ApiTokenExpiryInPast]: {
    status: 422,
    tr: 'expiresAt gelecekte olmalı',
    en: 'expiresAt must be in the future',
  },
  [ErrorCode.ApiTokenNotFound]: { status: 404, tr: 'API anahtarı {id} bulunamadı', en: 'API token {id} not found' },
  [ErrorCode.ApiTokenCannotChangeTwoFactor]: {
    status: 403,
    tr: 'API anahtarları iki adımlı doğrulamayı değiştiremez',
    en: 'API tokens cannot change two-factor settings',
  },
  [ErrorCode.ApiTokenCannotChangePasskeys]: {
    status: 403,
    tr: 'API anahtarları geçiş anahtarlarını değiştiremez',
    en: 'API tokens cannot change passkeys',
  },
  [ErrorCode.ApiTokenCannotChangeProfile]: {
    status: 403,
    tr: 'API anahtarları oluşturanlarının profilini değiştiremez',
    en: 'API tokens cannot change the profile of their creator',
  },
  [ErrorCode.TwoFactorEnrolmentRequired]: {
    status: 403,
    tr: 'Kurumunuz iki adımlı doğrulama istiyor; önce Güvenlik ekranından etkinleştirin',
    en: 'Your organization requires two-factor sign-in; enable it on the Security screen first',
  },
  [ErrorCode.TwoFactorWrongCode]: { status: 401, tr: 'Doğrulama kodu hatalı', en: 'Wrong verification code' },
  [ErrorCode.TwoFactorAlreadyEnabled]: {
    status: 409,
    tr: 'İki adımlı doğrulama zaten açık',
    en: 'Two-factor is already enabled',
  },
  [ErrorCode.TwoFactorSetupNotStarted]: { status: 404, tr: 'Önce kurulumu başlatın', en: 'Start the setup first' },
  [ErrorCode.TwoFactorNotEnabled]: { status: 404, tr: 'İki adımlı doğrulama kapalı', en: 'Two-factor is not enabled' },
  [ErrorCode.TwoFactorWrongPasswordOrCode]: { status: 401, tr: 'Parola veya kod hatalı', en: 'Wrong password or code' },
  [ErrorCode.TwoFactorEnableOwnFirst]: {
    status: 409,
    tr: 'Önce kendi hesabınızda iki adımlı doğrulamayı açın',
    en: 'Enable two-factor on your own account first',
  },
  [ErrorCode.TwoFactorRequiredByPolicy]: {
    status: 409,
    tr: 'Kurumunuz rolünüz için iki adımlı doğrulamayı zorunlu tutuyor',
    en: 'Your organization requires two-factor for your role',
  },
  [ErrorCode.TwoFactorLastMethod]: {
    status: 409,
    tr: 'Kurumunuz rolünüz için iki adımlı doğrulamayı zorunlu tutuyor; son doğrulama yönteminizi silemezsiniz',
    en: 'Your organization requires two-factor for your role; you cannot remove your last second factor',
  },
  [ErrorCode.PasskeyNone]: { status: 400, tr: 'Bu hesapta geçiş anahtarı yok', en: 'This account has no passkey' },
  [ErrorCode.PasskeyNotFound]: { status: 404, tr: 'Geçiş anahtarı bulunamadı', en: 'Passkey not found' },
  [ErrorCode.PasskeyNotVerified]: {
    status: 401,
    tr: 'Geçiş anahtarı doğrulanamadı',
    en: 'The passkey could not be verified',
  },
  [ErrorCode.PasskeyRegistrationRefused]: {
    status: 400,
    tr: 'Geçiş anahtarı doğrulanamadı: {reason}',
    en: 'The passkey could not be verified: {reason}',
  },
  [ErrorCode.PasskeyAlreadyRegistered]: {
    status: 409,
    tr: 'Bu geçiş anahtarı zaten kayıtlı',
    en: 'This passkey is already registered',
  },
  [ErrorCode.SignInStepExpired]: {
    status: 401,
    tr: 'Doğrulama adımının süresi doldu, tekrar giriş yapın',
    en: 'The sign-in step expired, sign in again',
  },
  [ErrorCode.SessionExpired]: {
    status: 401,
    tr: 'Oturum süresi doldu, tekrar giriş yapın',
    en: 'Session expired, sign in again',
  },
  [ErrorCode.SsoNotConfigured]: {
    status: 404,
    tr: 'Bu kurum için tek oturum açma yapılandırılmamış',
    en: 'Single sign-on is not configured for this organization',
  },
  [ErrorCode.SsoSettingsInvalid]: {
    status: 422,
    tr: 'Tek oturum açma ayarı eksik veya hatalı: {problems}',
    en: 'Single sign-on settings are missing or wrong: {problems}',
  },
  [ErrorCode.SsoCodeInvalid]: {
    status: 401,
    tr: 'Giriş kodu geçersiz veya süresi dolmuş; tekrar giriş yapın',
    en: 'The sign-in code is invalid or expired; sign in again',
  },

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

  [ErrorCode.CaseNotFound]: { status: 404, tr: 'Başvuru bulunamadı', en: 'Case not found' },
  [ErrorCode.CaseMergeIntoMerged]: {
    status: 409,
    tr: 'Birleştirilmiş bir başvuruya birleştirilemez',
    en: 'Cannot merge into a merged case',
  },
  [ErrorCode.CaseTransitionNotAllowed]: {
    status: 409,
    tr: 'Başvuru durumu {from} iken {to} yapılamaz',
    en: 'A case cannot go from {from} to {to}',
  },
  [ErrorCode.ForwardedCaseNotFound]: {
    status: 404,
    tr: 'Bu kuruma bu numarayla iletilmiş bir başvuru yok',
    en: 'No case forwarded to this body has this id',
  },
  [ErrorCode.CategoryNotFound]: { status: 404, tr: 'Kategori bulunamadı', en: 'Category not found' },
  [ErrorCode.CategoryCodeTaken]: {
    status: 409,
    tr: 'Bu kodla bir kategori zaten var',
    en: 'A category with this code already exists',
  },
  [ErrorCode.DepartmentNotFound]: {
    status: 404,
    tr: 'Müdürlük ya da dış kurum bulunamadı',
    en: 'Department or external body not found',
  },
  [ErrorCode.DepartmentNameTaken]: {
    status: 409,
    tr: 'Bu adla bir müdürlük ya da dış kurum zaten var',
    en: 'A department or external body with this name already exists',
  },
  [ErrorCode.RoutingRuleNotFound]: { status: 404, tr: 'Yönlendirme kuralı bulunamadı', en: 'Routing rule not found' },
  [ErrorCode.PublicDataNotPublished]: {
    status: 404,
    tr: 'Bu kurum için açık veri yayımlanmıyor',
    en: 'No public data for this organization',
  },
  [ErrorCode.ServiceRequestNotFound]: { status: 404, tr: 'Başvuru bulunamadı', en: 'Service request not found' },

  [ErrorCode.MentionsRangeReversed]: { status: 400, tr: 'from, to’dan önce olmalı', en: 'from must be before to' },
  [ErrorCode.MentionsTooManyBuckets]: {
    status: 400,
    tr: 'En fazla {max} aralık istenebilir',
    en: 'At most {max} buckets',
  },
  [ErrorCode.MentionsCursorInvalid]: { status: 400, tr: 'Geçersiz sayfa imleci', en: 'Invalid cursor' },
  [ErrorCode.WatchlistNotFound]: { status: 404, tr: 'İzleme listesi bulunamadı', en: 'Watchlist not found' },
  [ErrorCode.WatchlistNameRequired]: {
    status: 400,
    tr: 'İzleme listesinin adı gerekli',
    en: 'A watchlist needs a name',
  },
  [ErrorCode.WatchlistEmpty]: {
    status: 400,
    tr: 'En az bir terim, hesap veya etiket gerekli',
    en: 'At least one term, handle or hashtag is required',
  },

  [ErrorCode.OfficeHoursUnknownTimeZone]: {
    status: 400,
    tr: 'Bilinmeyen saat dilimi: {timeZone} (ör. Europe/Istanbul)',
    en: 'Unknown time zone: {timeZone} (e.g. Europe/Istanbul)',
  },
  [ErrorCode.OfficeHoursCloseBeforeOpen]: {
    status: 400,
    tr: '{day}: kapanış saati açılış saatinden sonra olmalı',
    en: '{day}: the closing time must be after the opening time',
  },
  [ErrorCode.OfficeHoursLunchOutsideHours]: {
    status: 400,
    tr: '{day}: öğle arası açılış ile kapanış arasında olmalı ve bitişi başlangıcından sonra gelmeli',
    en: '{day}: the lunch break must lie between opening and closing and end after it starts',
  },
  [ErrorCode.OfficeHoursNoOpenDay]: {
    status: 400,
    tr: 'Haftada en az bir gün açık olmalı',
    en: 'At least one day of the week must be open',
  },
  [ErrorCode.PublicHolidayNotFound]: { status: 404, tr: 'Tatil günü bulunamadı', en: 'Holiday not found' },
  [ErrorCode.LegalHoldExists]: {
    status: 409,
    tr: 'Bu yazışma zaten yasal saklama altında: "{reason}"',
    en: 'Conversation already on legal hold: "{reason}"',
  },
  [ErrorCode.LegalHoldNotFound]: {
    status: 404,
    tr: 'Bu yazışmada yasal saklama yok',
    en: 'No legal hold on this conversation',
  },
  [ErrorCode.ErasureBlockedByLegalHold]: {
    status: 409,
    tr: '{conversationId} yazışmasındaki yasal saklama nedeniyle silinemez: "{reason}"',
    en: 'Erasure blocked by legal hold on conversation {conversationId}: "{reason}"',
  },
  [ErrorCode.ExportNotFound]: { status: 404, tr: 'Dışa aktarma bulunamadı', en: 'Export not found' },
  [ErrorCode.ExportNotReady]: { status: 404, tr: 'Dışa aktarma henüz hazır değil', en: 'Export not ready' },

  [ErrorCode.ChannelAccountNotFound]: {
    status: 404,
    tr: 'Kanal hesabı {id} bulunamadı',
    en: 'Channel account {id} not found',
  },
  [ErrorCode.ChannelAccountAlreadyConnected]: {
    status: 409,
    tr: '{externalId} kimlikli {channel} hesabı zaten bağlı',
    en: 'A {channel} account with id {externalId} is already connected',
  },
  [ErrorCode.ChannelCredentialInvalid]: {
    status: 422,
    tr: 'credentials.{key} en fazla {max} karakterlik boş olmayan bir metin olmalı',
    en: 'credentials.{key} must be a non-empty string of at most {max} characters',
  },
  [ErrorCode.ChannelAdapterMissing]: {
    status: 404,
    tr: '"{channel}" kanalı için bağdaştırıcı yok',
    en: 'No adapter for channel "{channel}"',
  },
  [ErrorCode.ReplyIdempotencyKeyReused]: {
    status: 409,
    tr: 'Idempotency-Key başka bir kullanıcı tarafından kullanılmış',
    en: 'Idempotency-Key was already used by another user',
  },
  [ErrorCode.ReplyAttachmentNotAllowed]: {
    status: 422,
    tr: 'Bu konuşmada yanıta dosya eklenemez: {reason}',
    en: 'Replies in this conversation cannot carry files: {reason}',
  },
  [ErrorCode.ReplyAttachmentNeedsPublicUrl]: {
    status: 422,
    tr: 'Bu kanal dosyayı bağlantıdan alır; sunucunun herkese açık adresi (PUBLIC_URL) tanımlı değil',
    en: 'This channel fetches files from a link; the server has no public address (PUBLIC_URL)',
  },
  [ErrorCode.ReplyAttachmentTypeNotAllowed]: {
    status: 415,
    tr: 'Bu kanal bu dosya türünü kabul etmiyor ({mimeType}); kabul edilenler: {allowed}',
    en: 'This channel does not accept this file type ({mimeType}); accepted: {allowed}',
  },
  [ErrorCode.ReplyAttachmentTooLarge]: {
    status: 413,
    tr: 'Dosya bu kanal için çok büyük: en çok {maxMb} MB',
    en: 'The file is too large for this channel: at most {maxMb} MB',
  },
  [ErrorCode.ReplyAttachmentNotFound]: {
    status: 404,
    tr: 'Yanıt eki bulunamadı ({id})',
    en: 'Reply attachment not found ({id})',
  },
  [ErrorCode.ReplyRefused]: {
    status: 422,
    tr: 'Kanal bu yanıtı kabul etmiyor: {channelMessage}',
    en: 'The channel refuses this reply: {channelMessage}',
  },
  [ErrorCode.WebhookSignatureInvalid]: {
    status: 401,
    tr: '{header} eksik veya geçersiz',
    en: 'Missing or invalid {header}',
  },
  [ErrorCode.WebhookVerificationFailed]: {
    status: 403,
    tr: 'Webhook doğrulaması başarısız: hub.mode veya hub.verify_token hatalı',
    en: 'Webhook verification failed: wrong hub.mode or hub.verify_token',
  },
  [ErrorCode.WebhookInvalidJson]: {
    status: 400,
    tr: 'Webhook gövdesi geçerli JSON değil',
    en: 'Webhook body is not valid JSON',
  },
  [ErrorCode.WebhookNoObject]: {
    status: 400,
    tr: 'Webhook gövdesinde "object" alanı yok',
    en: 'Webhook body has no "object" field',
  },
  [ErrorCode.WebhookUnsupportedObject]: {
    status: 400,
    tr: 'Desteklenmeyen webhook nesnesi "{object}"',
    en: 'Unsupported webhook object "{object}"',
  },
  [ErrorCode.WebhookPayloadInvalid]: {
    status: 400,
    tr: 'Geçersiz {channel} webhook içeriği: {problem}',
    en: 'Invalid {channel} webhook: {problem}',
  },
  [ErrorCode.WebhookSecretMissing]: { status: 503, tr: '{setting} ayarlanmamış', en: '{setting} is not configured' },
  [ErrorCode.MetricsTokenInvalid]: {
    status: 401,
    tr: 'Ölçüm anahtarı eksik veya hatalı',
    en: 'Missing or wrong metrics token',
  },
};

/** The one place an error's status and its Turkish and English words are written. */
export const ERROR_CATALOGUE = {
  ...CORE_ERRORS,
  ...TEAM_ERRORS,
  ...DIRECTORATE_ERRORS,
  ...MACRO_ERRORS,
  ...CASE_DEADLINE_ERRORS,
  ...AUTOMATION_RULE_ERRORS,
  ...REPLY_APPROVAL_ERRORS,
  ...COLLISION_ERRORS,
  ...PHOTO_ERRORS,
  ...NEIGHBOURHOOD_ERRORS,
  ...OPEN311_ERRORS,
  ...BRIEFING_ERRORS,
} as Record<ErrorCode, CatalogueEntry>;

/** The message of a code in one language, its `{placeholders}` filled from the details. */
export function errorMessage(code: ErrorCode, language: ErrorLanguage, details: ErrorDetails | null = null): string {
  const template = ERROR_CATALOGUE[code][language];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details?.[key];
    if (value === undefined || value === null) {
      return whole;
    }
    return Array.isArray(value) ? value.map(String).join('; ') : String(value);
  });
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
