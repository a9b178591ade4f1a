import type { CatalogueEntries } from './catalogue-entry';

/** Reply approval (issue 26). */
export const REPLY_APPROVAL_ERRORS: CatalogueEntries = {};
