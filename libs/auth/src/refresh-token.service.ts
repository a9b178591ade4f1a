import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { RefreshToken } from '@civic/domain';
import { randomToken, sha256Hex } from './token-hash';

export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;

export type RefreshOutcome =
  | { ok: true; userId: string; token: string; sessionId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'reused' };

/** Opaque, rotated refresh tokens; only their sha256 is stored. A family is one session (user_session.id). */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  /** Starts a new family (one per sign-in; pass the session's id). */
  async issue(user: { id: string; organizationId: string }, familyId: string = randomUUID()): Promise<string> {
    const token = randomToken();
    await this.tokens.insert({
      userId: user.id,
      organizationId: user.organizationId,
      familyId,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      revokedAt: null,
    });
    return token;
  }

  /**
   * Revokes the presented token and issues its successor. A token that was already revoked is
   * being replayed (stolen, or a client bug): the whole family goes, so the thief's copy dies too.
   */
  async rotate(presented: string): Promise<RefreshOutcome> {
    const row = await this.tokens.findOne({ where: { tokenHash: sha256Hex(presented) } });
    if (!row) {
      return { ok: false, reason: 'unknown' };
    }
    if (row.revokedAt) {
      // The token of an ended session (signed out, ended from another device) is no theft.
      const [ended] = await this.tokens.query(
        'SELECT 1 FROM user_session WHERE id = $1 AND ended_at IS NOT NULL AND ended_at <= $2',
        [row.familyId, row.revokedAt],
      );
      if (ended) {
        return { ok: false, reason: 'unknown' };
      }
      await this.revokeFamily(row.familyId);
      this.logger.warn(`Refresh token reuse detected: family ${row.familyId} of user ${row.userId} revoked`);
      return { ok: false, reason: 'reused' };
    }
    if (row.expiresAt.getTime() <= Date.now()) {
      return { ok: false, reason: 'expired' };
    }
    // Conditional update: of two concurrent refreshes with the same token only one wins.
    const claimed = await this.tokens.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!claimed.affected) {
      await this.revokeFamily(row.familyId);
      return { ok: false, reason: 'reused' };
    }
    // An ended session cannot be refreshed (its tokens are revoked too; this closes the race with ending it).
    const [, live] = await this.tokens.query(
      'UPDATE user_session SET last_used_at = now() WHERE id = $1 AND ended_at IS NULL',
      [row.familyId],
    );
    if (!live) {
      return { ok: false, reason: 'unknown' };
    }
    const token = await this.issue({ id: row.userId, organizationId: row.organizationId }, row.familyId);
    return { ok: true, userId: row.userId, token, sessionId: row.familyId };
  }

  /** Logout: the presented token's family. Unknown tokens are ignored (logout is idempotent). */
  async revoke(presented: string): Promise<void> {
    const row = await this.tokens.findOne({ where: { tokenHash: sha256Hex(presented) } });
    if (row) {
      await this.revokeFamily(row.familyId);
    }
  }

  /** Ends one session: its refresh tokens are revoked and its access tokens (sid) refused from now on. */
  revokeSession(sessionId: string): Promise<void> {
    return this.revokeFamily(sessionId);
  }

  /**
   * Ends every session of the user and raises token_version, so that every access token issued
   * so far dies too (disable, password change, "end all sessions"), also after a re-enable.
   * Returns how many sessions were ended.
   */
  async revokeAllForUser(userId: string): Promise<number> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.tokens.query('UPDATE app_user SET token_version = token_version + 1 WHERE id = $1', [userId]);
    const [, ended] = await this.tokens.query(
      'UPDATE user_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL',
      [userId],
    );
    return Number(ended) || 0;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.tokens.query('UPDATE user_session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [familyId]);
  }
}
