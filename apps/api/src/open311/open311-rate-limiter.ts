import { Injectable } from '@nestjs/common';
import { SharedThrottlerStorage } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';

/** Requests one Open311 key may file per minute: a city app's whole town, not a script's flood. */
export const OPEN311_REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
/** The counters' name in api_rate_counter ("open311:<client id>"), apart from the API throttler's. */
const COUNTER = 'open311';

/**
 * Per-key fixed-window limit for POST requests.json, counted in the counters every api process
 * shares (SharedThrottlerStorage, as the API's own throttler): a 429 with Retry-After when exceeded,
 * and a key cannot get the limit once per replica.
 */
@Injectable()
export class Open311RateLimiter {
  constructor(private readonly counters: SharedThrottlerStorage) {}

  async take(clientId: string): Promise<void> {
    const { isBlocked, timeToExpire } = await this.counters.increment(
      clientId,
      WINDOW_MS,
      OPEN311_REQUESTS_PER_MINUTE,
      0,
      COUNTER,
    );
    if (isBlocked) {
      throw new DomainError(ErrorCode.RateLimited, { retryAfterSeconds: timeToExpire });
    }
  }
}
