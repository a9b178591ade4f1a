import { AuthPrincipal } from '@civic/auth';
import { CaseActor } from '@civic/cases';
import { UserRole } from '@civic/domain';

export const CASE_READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];
export const CASE_WORKERS = [UserRole.Admin, UserRole.Officer];

export function caseActor(principal: AuthPrincipal): CaseActor {
  return { organizationId: principal.organizationId, userId: principal.userId, label: principal.email };
}
