import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Audit, retention, exports. */
export const RETENTION_ERRORS: CatalogueEntries = {
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
};
