import type { CatalogueEntries } from './catalogue-entry';

/** Macros (issue 26). */
export const MACRO_ERRORS: CatalogueEntries = {};
