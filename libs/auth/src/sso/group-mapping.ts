import type { SingleSignOnGroupMapping, UserRole } from '@civic/domain';

export interface MappedAccess {
  roles: UserRole[];
  channelAccountIds: string[];
}

/** The groups named in a claim: a list, a single string, or missing. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return [];
}

/** Keycloak sends a group's full path ("/civic-admins"), AD group names are case-insensitive. */
function normalize(group: string): string {
  return group.trim().replace(/^\/+/, '').toLocaleLowerCase('tr-TR');
}

/** Union of the roles and account grants of every mapping whose group the user belongs to. */
export function mapGroups(groups: string[], mappings: SingleSignOnGroupMapping[]): MappedAccess {
  const held = new Set(groups.map(normalize));
  const roles = new Set<UserRole>();
  const accounts = new Set<string>();
  for (const mapping of mappings) {
    if (!held.has(normalize(mapping.group))) {
      continue;
    }
    mapping.roles.forEach((role) => roles.add(role));
    mapping.channelAccountIds.forEach((id) => accounts.add(id));
  }
  return { roles: [...roles], channelAccountIds: [...accounts] };
}
