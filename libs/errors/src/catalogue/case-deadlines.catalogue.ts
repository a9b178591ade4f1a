import type { CatalogueEntries } from './catalogue-entry';

/** Case deadlines and satisfaction follow-up (issue 25). */
export const CASE_DEADLINE_ERRORS: CatalogueEntries = {};
