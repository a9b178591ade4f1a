import { UserRole } from '@civic/domain';

/** Who is calling: set on the request by AuthGuard; every query is scoped by its organization. */
export interface AuthPrincipal {
  userId: string;
  organizationId: string;
  email: string;
  roles: UserRole[];
  /** Set when the caller signed in with an API token (acting for userId, with the token's roles). */
  apiTokenId?: string;
}
