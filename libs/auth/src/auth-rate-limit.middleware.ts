import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import { AppConfig } from '@civic/config';
import { ErrorCode, errorLanguageOf, errorMessage } from '@civic/errors';

const WINDOW_MS = 60 * 1000;

/**
 * Per-IP fixed-window limit on the sign-in endpoints, in memory of this process. It blunts
 * password spraying across many e-mails; the per-e-mail lockout (in the database) covers one account.
 */
@Injectable()
export class AuthRateLimitMiddleware implements NestMiddleware {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  private readonly limit: number;

  constructor(config: AppConfig) {
    this.limit = config.env.AUTH_RATE_LIMIT_PER_MINUTE;
  }

  use(req: IncomingMessage & { ip?: string }, res: ServerResponse, next: () => void): void {
    const now = Date.now();
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= WINDOW_MS) {
      if (this.hits.size > 10_000) {
        this.prune(now);
      }
      entry = { windowStart: now, count: 0 };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count <= this.limit) {
      return next();
    }
    const retryAfter = Math.max(1, Math.ceil((entry.windowStart + WINDOW_MS - now) / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    res.statusCode = HttpStatus.TOO_MANY_REQUESTS;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: ErrorCode.RateLimited,
        error: 'Too Many Requests',
        message: errorMessage(ErrorCode.RateLimited, errorLanguageOf(req.headers['accept-language'])),
        details: { retryAfterSeconds: retryAfter },
      }),
    );
  }

  private prune(now: number): void {
    for (const [key, entry] of this.hits) {
      if (now - entry.windowStart >= WINDOW_MS) {
        this.hits.delete(key);
      }
    }
  }
}
