import type { UserRole } from '@civic/domain';

/** Who is calling: set on the request by AuthGuard; every query is scoped by its organization. */
export interface AuthPrincipal {
  userId: string;
  organizationId: string;
  email: string;
  roles: UserRole[];
  /** A directorate user's department (müdürlük); null for everyone else. */
  departmentId?: string | null;
  /** Set when the caller signed in with an API token (acting for userId, with the token's roles). */
  apiTokenId?: string;
  /** The session (sign-in) the access token belongs to. */
  sessionId?: string;
  /** The organization requires two-factor for one of the roles and the user has none yet: only enrolment is allowed. */
  twoFactorEnrolmentRequired?: boolean;
}
