import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserSession } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { RefreshTokenService } from '../refresh-token.service';
import { deviceLabel } from './device-label';

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
  authMethod: string;
}

/** A signed-in device as its user sees it. */
export interface SessionView {
  id: string;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  authMethod: string;
  createdAt: Date;
  lastUsedAt: Date;
  current: boolean;
}

/** Sessions (one per sign-in): listing, ending one, ending all of a user. */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  start(user: { id: string; organizationId: string }, meta: SessionMeta): Promise<UserSession> {
    return this.sessions.save({
      userId: user.id,
      organizationId: user.organizationId,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      authMethod: meta.authMethod,
    });
  }

  /** Live sessions: not ended, and with a refresh token that has not expired. */
  async list(userId: string, currentSessionId?: string): Promise<SessionView[]> {
    const rows: UserSession[] = await this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.ended_at IS NULL', { userId })
      .andWhere(
        'EXISTS (SELECT 1 FROM refresh_token r WHERE r.family_id = s.id AND r.revoked_at IS NULL AND r.expires_at > now())',
      )
      .orderBy('s.last_used_at', 'DESC')
      .getMany();
    return rows.map((s) => ({
      id: s.id,
      device: deviceLabel(s.userAgent),
      userAgent: s.userAgent,
      ip: s.ip,
      authMethod: s.authMethod,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      current: s.id === currentSessionId,
    }));
  }

  /** Ends one of the user's sessions: its refresh tokens are revoked and its access tokens refused. */
  async end(userId: string, sessionId: string): Promise<UserSession> {
    const session = await this.sessions.findOne({ where: { id: sessionId, userId } });
    if (!session || session.endedAt) {
      throw new DomainError(ErrorCode.SessionNotFound);
    }
    await this.refreshTokens.revokeSession(session.id);
    return session;
  }

  /** Ends every session of the user and kills every access token issued so far (token_version). */
  endAll(userId: string): Promise<number> {
    return this.refreshTokens.revokeAllForUser(userId);
  }
}
