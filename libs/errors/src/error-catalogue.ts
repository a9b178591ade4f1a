import { AUTOMATION_RULE_ERRORS } from './catalogue/automation-rules.catalogue';
import { BRIEFING_ERRORS } from './catalogue/briefing.catalogue';
import { CASE_DEADLINE_ERRORS } from './catalogue/case-deadlines.catalogue';
import { CASE_ERRORS } from './catalogue/cases.catalogue';
import type { CatalogueEntries, CatalogueEntry } from './catalogue/catalogue-entry';
import { CHANNEL_ERRORS } from './catalogue/channels.catalogue';
import { COLLISION_ERRORS } from './catalogue/collision.catalogue';
import { DIRECTORATE_ERRORS } from './catalogue/directorate.catalogue';
import { INBOX_ERRORS } from './catalogue/inbox.catalogue';
import { MACRO_ERRORS } from './catalogue/macros.catalogue';
import { MENTION_ERRORS } from './catalogue/mentions.catalogue';
import { NEIGHBOURHOOD_ERRORS } from './catalogue/neighbourhoods.catalogue';
import { OFFICE_HOURS_ERRORS } from './catalogue/office-hours.catalogue';
import { OPEN311_ERRORS } from './catalogue/open311.catalogue';
import { PHOTO_ERRORS } from './catalogue/photos.catalogue';
import { REPLY_APPROVAL_ERRORS } from './catalogue/reply-approval.catalogue';
import { REQUEST_ERRORS } from './catalogue/requests.catalogue';
import { RETENTION_ERRORS } from './catalogue/retention.catalogue';
import { SIGN_IN_ERRORS } from './catalogue/sign-in.catalogue';
import { TEAM_ERRORS } from './catalogue/teams.catalogue';
import { USER_ERRORS } from './catalogue/users.catalogue';
import type { ErrorDetails } from './domain-error';
import type { ErrorCode } from './error-code';
import type { ErrorLanguage } from './error-language';

export type { CatalogueEntry } from './catalogue/catalogue-entry';

/**
 * The core codes, one catalogue/ file per section of ErrorCode; later areas follow in ERROR_CATALOGUE
 * (the spec checks every code has an entry). The spread order is the catalogue's key order: keep it.
 */
const CORE_ERRORS: CatalogueEntries = {
  ...REQUEST_ERRORS,
  ...SIGN_IN_ERRORS,
  ...USER_ERRORS,
  ...INBOX_ERRORS,
  ...CASE_ERRORS,
  ...MENTION_ERRORS,
  ...OFFICE_HOURS_ERRORS,
  ...RETENTION_ERRORS,
  ...CHANNEL_ERRORS,
};

/** The one place an error's status and its Turkish and English words are written. */
export const ERROR_CATALOGUE = {
  ...CORE_ERRORS,
  ...TEAM_ERRORS,
  ...DIRECTORATE_ERRORS,
  ...MACRO_ERRORS,
  ...CASE_DEADLINE_ERRORS,
  ...AUTOMATION_RULE_ERRORS,
  ...REPLY_APPROVAL_ERRORS,
  ...COLLISION_ERRORS,
  ...PHOTO_ERRORS,
  ...NEIGHBOURHOOD_ERRORS,
  ...OPEN311_ERRORS,
  ...BRIEFING_ERRORS,
} as Record<ErrorCode, CatalogueEntry>;

/** The message of a code in one language, its `{placeholders}` filled from the details. */
export function errorMessage(code: ErrorCode, language: ErrorLanguage, details: ErrorDetails | null = null): string {
  const template = ERROR_CATALOGUE[code][language];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details?.[key];
    if (value === undefined || value === null) {
      return whole;
    }
    return Array.isArray(value) ? value.map(String).join('; ') : String(value);
  });
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
