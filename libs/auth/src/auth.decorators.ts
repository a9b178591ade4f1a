import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@civic/domain';
import type { AuthPrincipal } from './auth-principal';

export const IS_PUBLIC = 'civic:isPublic';
export const REQUIRED_ROLES = 'civic:requiredRoles';
export const ALLOWED_DURING_ENROLMENT = 'civic:allowedDuringEnrolment';
export const SELF_SERVICE = 'civic:selfService';

/** No sign-in needed (health, webhooks — which verify signatures instead — and login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs one of these roles. Routes without @Roles need only a signed-in user. */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * Acts only on the caller's own user (who am I, profile, sessions, two-factor, passkeys, API tokens):
 * open to every signed-in user, including a directorate user, who reaches nothing else without @Roles.
 */
export const SelfService = () => SetMetadata(SELF_SERVICE, true);

/** Reachable by a user who must enrol in two-factor first (enrolment, sessions, who am I). */
export const AllowedDuringEnrolment = () => SetMetadata(ALLOWED_DURING_ENROLMENT, true);

/** The signed-in caller. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthPrincipal => {
  return ctx.switchToHttp().getRequest().principal;
});
