import type { CatalogueEntries } from './catalogue-entry';

/** Teams and automatic assignment (issue 26). */
export const TEAM_ERRORS: CatalogueEntries = {};
