import type { Role } from './api/types';

/** What a role may see and do; the API enforces the same rules, this only hides what would fail. */
export interface Permissions {
  readInbox: boolean;
  work: boolean;
  audit: boolean;
  mentions: boolean;
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
    listUsers: has('admin'),
    admin: has('admin'),
  };
}
