import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { randomToken, sha256Hex } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';

export const OPEN311_KEY_PREFIX = 'o311_';
/** last_used_at is written at most this often per key, so a busy city app does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

/** An Open311 client key as listed: its prefix, never the key or its hash. */
export interface Open311ClientView {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The client behind a presented key. */
export interface Open311ClientIdentity {
  id: string;
  organizationId: string;
  name: string;
}

/** Who issues or revokes a key: an administrator of the organization. */
export interface Open311ClientActor {
  organizationId: string;
  userId: string;
  label: string;
}

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * Keys of the city apps and web forms that file Open311 requests, one per client, issued by an
 * administrator. Unlike an API token a key acts for nobody and opens nothing but POST requests.json
 * of its own organization. Shown once; only its sha256 is kept. Issuing and revoking are audited.
 */
@Injectable()
export class Open311ClientService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Open311ClientActor, name: string): Promise<Open311ClientView & { key: string }> {
    const key = `${OPEN311_KEY_PREFIX}${randomToken()}`;
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO open311_client (organization_id, name, key_prefix, key_hash, created_by_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [actor.organizationId, name.trim(), key.slice(0, OPEN311_KEY_PREFIX.length + 6), sha256Hex(key), actor.userId],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'open311_client.created',
          targetType: 'open311_client',
          targetId: row.id,
          after: { name: name.trim(), keyPrefix: key.slice(0, OPEN311_KEY_PREFIX.length + 6) },
        },
        manager,
      );
      return row.id as string;
    });
    return { ...(await this.one(actor.organizationId, id)), key };
  }

  /** Newest first; revoked keys stay listed with the day they were revoked. */
  async list(organizationId: string): Promise<Open311ClientView[]> {
    const rows = await this.dataSource.query(
      `${SELECT} WHERE c.organization_id = $1 ORDER BY c.created_at DESC, c.id`,
      [organizationId],
    );
    return rows.map(toView);
  }

  async revoke(actor: Open311ClientActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT id, name, revoked_at FROM open311_client WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organizationId, id],
      );
      if (!row) {
        throw new DomainError(ErrorCode.Open311ClientNotFound, { id });
      }
      if (row.revoked_at) {
        return;
      }
      await manager.query(`UPDATE open311_client SET revoked_at = now() WHERE id = $1`, [id]);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'open311_client.revoked',
          targetType: 'open311_client',
          targetId: id,
          before: { name: row.name, revoked: false },
          after: { name: row.name, revoked: true },
        },
        manager,
      );
    });
  }

  /** The client of a key of this organization, or null when the key is unknown, another organization's or revoked. */
  async verify(organizationId: string, key: string): Promise<Open311ClientIdentity | null> {
    if (!key.startsWith(OPEN311_KEY_PREFIX) || key.length > 200) {
      return null;
    }
    const [row] = await this.dataSource.query(
      `SELECT id, organization_id, name, revoked_at, last_used_at FROM open311_client WHERE organization_id = $1 AND key_hash = $2`,
      [organizationId, sha256Hex(key)],
    );
    if (!row || row.revoked_at) {
      return null;
    }
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query(
        `UPDATE open311_client SET last_used_at = now() WHERE organization_id = $1 AND id = $2`,
        [organizationId, row.id],
      );
    }
    return { id: row.id, organizationId: row.organization_id, name: row.name };
  }

  private async one(organizationId: string, id: string): Promise<Open311ClientView> {
    const [row] = await this.dataSource.query(`${SELECT} WHERE c.organization_id = $1 AND c.id = $2`, [
      organizationId,
      id,
    ]);
    return toView(row);
  }
}

const SELECT = `
  SELECT c.id, c.name, c.key_prefix, c.created_at, c.last_used_at, c.revoked_at, u.display_name AS created_by
    FROM open311_client c LEFT JOIN app_user u ON u.id = c.created_by_id`;

function toView(r: Record<string, any>): Open311ClientView {
  return {
    id: r.id,
    name: r.name,
    keyPrefix: r.key_prefix,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by ?? null,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}
