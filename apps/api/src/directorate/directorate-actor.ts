import type { AuthPrincipal } from '@civic/auth';
import { AccountScope } from '@civic/auth';
import type { CaseActor } from '@civic/cases';

/**
 * A directorate user working on cases: always the directorate scope of their own department (from
 * their user, never from the request), whatever other roles they hold, so every read and write of
 * the directorate routes reaches only that department's cases.
 */
export function directorateActor(principal: AuthPrincipal): CaseActor {
  return {
    organizationId: principal.organizationId,
    scope: AccountScope.directorate(principal.organizationId, principal.departmentId ?? null),
    userId: principal.userId,
    label: principal.email,
  };
}
