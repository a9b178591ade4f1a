import type { CatalogueEntries } from './catalogue-entry';

/** Automation rules (issue 26). */
export const AUTOMATION_RULE_ERRORS: CatalogueEntries = {};
