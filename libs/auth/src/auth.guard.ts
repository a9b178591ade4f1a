import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { SSE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AccessTokenService } from './access-token.service';
import { API_TOKEN_PREFIX, ApiTokenService } from './api-token.service';
import { AuthPrincipal } from './auth-principal';
import { ALLOWED_DURING_ENROLMENT, IS_PUBLIC, REQUIRED_ROLES, SELF_SERVICE } from './auth.decorators';
import { isDirectorateOnly } from './directorate-access';

/**
 * Global guard: every route needs a valid bearer token (access token or API token) unless marked
 * @Public(); @Roles narrows it. A directorate-only caller is default-deny: it reaches only routes whose
 * @Roles name the directorate and @SelfService routes (its own user), never a route without @Roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly apiTokens: ApiTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    // EventSource cannot send headers: only a server-sent-events route (@Sse) takes the token as
    // ?access_token=; anywhere else a token in a URL (logs, history, Referer) is not accepted.
    const queryToken =
      this.reflector.get<boolean>(SSE_METADATA, context.getHandler()) && typeof request.query?.access_token === 'string'
        ? request.query.access_token
        : undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : queryToken;
    if (!token) {
      throw new DomainError(ErrorCode.TokenMissing);
    }
    const principal: AuthPrincipal | null = token.startsWith(API_TOKEN_PREFIX)
      ? await this.apiTokens.verify(token)
      : await this.tokens.verify(token);
    if (!principal) {
      throw new DomainError(ErrorCode.TokenInvalid);
    }
    request.principal = principal;
    if (
      principal.twoFactorEnrolmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_ENROLMENT, targets)
    ) {
      throw new DomainError(ErrorCode.TwoFactorEnrolmentRequired);
    }
    const required = this.reflector.getAllAndOverride<UserRole[]>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((role) => principal.roles.includes(role))) {
      throw new DomainError(ErrorCode.RoleRequired, { roles: required });
    }
    if (
      isDirectorateOnly(principal) &&
      !required?.includes(UserRole.Directorate) &&
      !this.reflector.getAllAndOverride<boolean>(SELF_SERVICE, targets)
    ) {
      throw new DomainError(ErrorCode.DirectorateRouteClosed);
    }
    return true;
  }
}
