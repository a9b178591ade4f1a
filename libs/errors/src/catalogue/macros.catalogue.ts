import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Macros (issue 26). */
export const MACRO_ERRORS: CatalogueEntries = {
  [ErrorCode.MacroNotFound]: { status: 404, tr: 'Makro bulunamadı', en: 'Macro not found' },
  [ErrorCode.MacroSharedAdminOnly]: {
    status: 403,
    tr: 'Ortak makroları yalnızca yöneticiler ekleyip değiştirebilir',
    en: 'Only administrators may add or change shared macros',
  },
};
