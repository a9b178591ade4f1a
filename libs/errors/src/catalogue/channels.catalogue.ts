import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Channels, replies, webhooks (and the metrics token). */
export const CHANNEL_ERRORS: CatalogueEntries = {
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
