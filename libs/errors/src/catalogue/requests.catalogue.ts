import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Requests in general and the framework's own refusals. */
export const REQUEST_ERRORS: CatalogueEntries = {
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
};
