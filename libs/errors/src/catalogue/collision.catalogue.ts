import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** The collision guard (issue 26): two officers must not answer the same citizen at once. */
export const COLLISION_ERRORS: CatalogueEntries = {
  [ErrorCode.ReplyCollision]: {
    status: 409,
    tr: '{name} bu vatandaşa siz son mesajı gördükten sonra yanıt verdi; yine de göndermek için onaylayın',
    en: '{name} replied to this citizen after the last message you saw; confirm to send anyway',
  },
};
