import { DomainError, ErrorCode } from '@civic/errors';

/** 429 with the seconds until the next attempt is allowed (the controller sets Retry-After). */
export class LoginLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.LoginLocked, { retryAfterSeconds, retryAfterMinutes: Math.ceil(retryAfterSeconds / 60) });
  }
}
