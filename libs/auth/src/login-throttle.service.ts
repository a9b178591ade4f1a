import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { LoginAttempt } from '@civic/domain';
import { LoginLockedError } from './login-locked.error';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Attempts older than this are useless for the lockout and are purged. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

/**
 * Lockout per e-mail address: after LOGIN_MAX_FAILURES failures within LOGIN_WINDOW_SECONDS
 * (not followed by a success) further attempts are refused until the oldest of them ages out.
 * Attempts live in the database so several api processes enforce one limit.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>) {}

  /** Throws LoginLockedError while the address is locked. */
  async assertAllowed(email: string): Promise<void> {
    const [row] = await this.attempts.query(
      `SELECT count(*)::int AS failures, min(created_at) AS oldest
         FROM login_attempt
        WHERE email = $1 AND succeeded = false
          AND created_at > now() - make_interval(secs => $2)
          AND created_at > coalesce((SELECT max(created_at) FROM login_attempt WHERE email = $1 AND succeeded = true), '-infinity')`,
      [email, LOGIN_WINDOW_SECONDS],
    );
    if (row.failures < LOGIN_MAX_FAILURES) {
      return;
    }
    const unlocksAt = new Date(row.oldest).getTime() + LOGIN_WINDOW_SECONDS * 1000;
    throw new LoginLockedError(Math.max(1, Math.ceil((unlocksAt - Date.now()) / 1000)));
  }

  async record(email: string, succeeded: boolean, ip: string | null): Promise<void> {
    await this.attempts.insert({ email, succeeded, ip });
    if (succeeded) {
      await this.attempts.delete({ createdAt: LessThan(new Date(Date.now() - KEEP_ATTEMPTS_MS)) });
    }
  }
}
