import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User, UserRole } from '@civic/domain';
import { AuthPrincipal } from './auth-principal';
import { SecretsService } from './secrets.service';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short-lived signed access tokens; a disabled user's or an ended session's tokens stop working at once. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(
    secrets: SecretsService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public
    // key on every call and catches the failure, which cost more than the rest of an API request.
    const key = createSecretKey(Buffer.from(secrets.jwtSecret, 'utf8')) as unknown as string;
    this.jwt = new JwtService({
      secret: key,
      signOptions: { expiresIn: ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' },
    });
  }

  /** sid: the session (refresh-token family) the token belongs to; ver: the user's token_version. */
  issue(
    user: Pick<User, 'id' | 'organizationId' | 'email' | 'roles'> & { tokenVersion?: number },
    sessionId?: string,
  ): string {
    return this.jwt.sign({
      sub: user.id,
      org: user.organizationId,
      email: user.email,
      roles: user.roles,
      ver: user.tokenVersion ?? 0,
      ...(sessionId ? { sid: sessionId } : {}),
    });
  }

  async verify(token: string): Promise<AuthPrincipal | null> {
    let payload: { sub: string; org: string; email: string; roles: UserRole[]; ver?: number; sid?: string };
    try {
      payload = this.jwt.verify(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    const sessionId = typeof payload.sid === 'string' && UUID.test(payload.sid) ? payload.sid : null;
    // Checked on every request, in one indexed round trip: a disabled user, a token older than the last
    // disable / password change / "end all" (token_version) or of an ended session is out at once.
    const [user] = await this.users.query(
      `SELECT u.id, u.organization_id, u.email, u.roles, u.token_version, u.department_id,
              s.id AS session_id, s.ended_at, s.last_used_at < now() - interval '1 minute' AS session_stale,
              coalesce(p.enforced AND u.roles && p.roles, false) AND t.totp_enabled_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM user_passkey k WHERE k.user_id = u.id) AS must_enrol
         FROM app_user u
         LEFT JOIN user_session s ON s.id = $2::uuid AND s.user_id = u.id
         LEFT JOIN two_factor_policy p ON p.organization_id = u.organization_id
         LEFT JOIN user_two_factor t ON t.user_id = u.id
        WHERE u.id = $1 AND u.active`,
      [payload.sub, sessionId],
    );
    if (!user || (payload.ver ?? 0) !== user.token_version) {
      return null;
    }
    if (sessionId && (!user.session_id || user.ended_at)) {
      return null;
    }
    // "Last use" without a write per request: at most once a minute per session, not awaited.
    if (sessionId && user.session_stale) {
      void this.users
        .query('UPDATE user_session SET last_used_at = now() WHERE id = $1', [sessionId])
        .catch(() => undefined);
    }
    return {
      userId: user.id,
      organizationId: user.organization_id,
      email: user.email,
      roles: user.roles,
      departmentId: user.department_id ?? null,
      ...(sessionId ? { sessionId } : {}),
      ...(user.must_enrol ? { twoFactorEnrolmentRequired: true } : {}),
    };
  }
}
