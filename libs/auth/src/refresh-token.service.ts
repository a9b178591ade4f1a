import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { RefreshToken } from '@civic/domain';
import { randomToken, sha256Hex } from './token-hash';

export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;

export type RefreshOutcome =
  | { ok: true; userId: string; token: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'reused' };

/** Opaque, rotated refresh tokens; only their sha256 is stored. */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  /** Starts a new family (one per sign-in). */
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
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revokedAt) {
      await this.revokeFamily(row.familyId);
      this.logger.warn(`Refresh token reuse detected: family ${row.familyId} of user ${row.userId} revoked`);
      return { ok: false, reason: 'reused' };
    }
    if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
    // Conditional update: of two concurrent refreshes with the same token only one wins.
    const claimed = await this.tokens.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!claimed.affected) {
      await this.revokeFamily(row.familyId);
      return { ok: false, reason: 'reused' };
    }
    return { ok: true, userId: row.userId, token: await this.issue({ id: row.userId, organizationId: row.organizationId }, row.familyId) };
  }

  /** Logout: the presented token's family. Unknown tokens are ignored (logout is idempotent). */
  async revoke(presented: string): Promise<void> {
    const row = await this.tokens.findOne({ where: { tokenHash: sha256Hex(presented) } });
    if (row) await this.revokeFamily(row.familyId);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
