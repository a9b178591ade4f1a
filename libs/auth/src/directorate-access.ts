import { UserRole } from '@civic/domain';
import type { AuthPrincipal } from './auth-principal';

/**
 * A principal whose only role is directorate (müdürlük): default-deny. The AuthGuard lets it reach
 * only routes whose @Roles name the directorate and @SelfService routes; its AccountScope grants no
 * channel account and limits cases to its department.
 */
export function isDirectorateOnly(principal: Pick<AuthPrincipal, 'roles'>): boolean {
  return principal.roles.length > 0 && principal.roles.every((role) => role === UserRole.Directorate);
}
