import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Mentions and watchlists. */
export const MENTION_ERRORS: CatalogueEntries = {
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
};
