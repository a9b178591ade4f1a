import type { Role } from '../../api/types';

/** Who approves held replies (the API's rule): an administrator or the mayor's office. */
export function isReplyApprover(roles: readonly Role[]): boolean {
  return roles.some((role) => role === 'admin' || role === 'mayor_office');
}
