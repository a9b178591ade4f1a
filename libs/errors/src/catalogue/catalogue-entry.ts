import type { ErrorCode } from '../error-code';

export interface CatalogueEntry {
  status: number;
  /** `{name}` is filled from the error's details (a list is joined with "; "). */
  tr: string;
  en: string;
}

/** Entries of one area of the catalogue. */
export type CatalogueEntries = { [Code in ErrorCode]?: CatalogueEntry };
