import type { Role } from './api/types';

/** What a role may see and do; the API enforces the same rules, this only hides what would fail. */
export interface Permissions {
  readInbox: boolean;
  work: boolean;
  audit: boolean;
  mentions: boolean;
  /** Create and edit mention watchlists (the API's watchlist writers). */
  manageMentions: boolean;
  /** The week's overview, the mayor's office's landing page. */
  overview: boolean;
  listUsers: boolean;
  admin: boolean;
}

export function permissionsOf(roles: Role[]): Permissions {
  const has = (...wanted: Role[]) => roles.some((r) => wanted.includes(r));
  return {
    readInbox: has('admin', 'officer', 'mayor_office', 'auditor'),
    work: has('admin', 'officer'),
    audit: has('admin', 'auditor'),
    mentions: has('admin', 'officer', 'mayor_office', 'auditor'),
    manageMentions: has('admin', 'mayor_office'),
    overview: has('admin', 'mayor_office'),
    listUsers: has('admin'),
    admin: has('admin'),
  };
}

/** Only the directorate role: the app is the directorate workspace (the API refuses it the rest). */
export function isDirectorateOnly(roles: Role[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'directorate');
}

/** Where signing in lands: the mayor's office reads the week first; whoever answers citizens, the inbox. */
export function homePath(roles: Role[]): string {
  if (isDirectorateOnly(roles)) {
    return '/directorate';
  }
  return roles.includes('mayor_office') && !roles.some((r) => r === 'admin' || r === 'officer')
    ? '/overview'
    : '/inbox';
}
