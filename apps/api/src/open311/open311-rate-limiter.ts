import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@civic/errors';

/** Requests one Open311 key may file per minute: a city app's whole town, not a script's flood. */
export const OPEN311_REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

/**
 * Per-key fixed-window counter for POST requests.json, in this process's memory like the API's own
 * throttler (ApiThrottlerGuard, which counts /api/v1/ only): a 429 with Retry-After when exceeded.
 */
@Injectable()
export class Open311RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  take(clientId: string, now = Date.now()): void {
    const window = this.windows.get(clientId);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      this.windows.set(clientId, { startedAt: now, count: 1 });
      this.forgetOld(now);
      return;
    }
    if (window.count >= OPEN311_REQUESTS_PER_MINUTE) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
      throw new DomainError(ErrorCode.RateLimited, { retryAfterSeconds });
    }
    window.count += 1;
  }

  private forgetOld(now: number): void {
    if (this.windows.size < 1000) {
      return;
    }
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS) {
        this.windows.delete(id);
      }
    }
  }
}
