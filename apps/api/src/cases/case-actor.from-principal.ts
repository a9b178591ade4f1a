import type { AuthPrincipal } from '@civic/auth';
import { AccountScope } from '@civic/auth';
import type { CaseActor } from '@civic/cases';
import { UserRole } from '@civic/domain';

export const CASE_READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];
export const CASE_WORKERS = [UserRole.Admin, UserRole.Officer];

/** A signed-in user working on cases, limited to the cases of their granted accounts. */
export function caseActor(principal: AuthPrincipal, scope: AccountScope): CaseActor {
  return { organizationId: principal.organizationId, scope, userId: principal.userId, label: principal.email };
}

/** A signed-in user changing organization-wide settings (departments, categories, rules): no case is reached through it. */
export function organizationActor(principal: AuthPrincipal): CaseActor {
  return caseActor(principal, AccountScope.wholeOrganization(principal.organizationId));
}
