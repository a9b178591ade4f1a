import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuthPrincipal } from './auth-principal';

/** Only the JSON API is limited: webhooks (Meta sends bursts that must never be refused), health, docs and the web app are not. */
const LIMITED_PREFIX = '/api/v1/';

/**
 * Per-minute request limit on /api/v1/*. Registered after the AuthGuard, so a signed-in caller is
 * counted per user (several officers behind one municipal NAT do not share a budget) and public
 * routes per client IP. Counters live in this process's memory.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const request = context.switchToHttp().getRequest<{ originalUrl?: string; url?: string }>();
    return !(request.originalUrl ?? request.url ?? '').startsWith(LIMITED_PREFIX);
  }

  protected override async getTracker(req: {
    principal?: AuthPrincipal;
    ip?: string;
    socket?: { remoteAddress?: string };
  }): Promise<string> {
    if (req.principal) {
      return `user:${req.principal.userId}`;
    }
    return `ip:${req.ip ?? req.socket?.remoteAddress ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(retryAfter));
    throw new DomainError(ErrorCode.RateLimited, { retryAfterSeconds: retryAfter });
  }
}
