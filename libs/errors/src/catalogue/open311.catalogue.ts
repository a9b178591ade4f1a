import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Open311 intake (issue 27): client keys and the key check of POST requests.json. */
export const OPEN311_ERRORS: CatalogueEntries = {
  [ErrorCode.Open311ClientNotFound]: {
    status: 404,
    tr: 'Open311 istemci anahtarı bulunamadı',
    en: 'Open311 client key not found',
  },
  [ErrorCode.Open311KeyInvalid]: {
    status: 401,
    tr: 'api_key geçersiz ya da iptal edilmiş',
    en: 'The api_key is unknown or revoked',
  },
};
