import { UserRole } from '@civic/domain';

/** Who may approve held replies: an administrator or the mayor's office. Their own replies are never held. */
export const REPLY_APPROVER_ROLES = [UserRole.Admin, UserRole.MayorOffice] as const;

export function isReplyApprover(roles: readonly UserRole[]): boolean {
  return roles.some((role) => (REPLY_APPROVER_ROLES as readonly UserRole[]).includes(role));
}
