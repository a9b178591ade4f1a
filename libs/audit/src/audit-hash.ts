import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** prev_hash of the first event of an organization's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit hash covers: everything but the database id and the hash itself. */
export interface HashedAuditFields {
  organizationId: string;
  seq: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  occurredAt: Date;
  requestId: string | null;
  prevHash: string;
}

export function computeAuditHash(fields: HashedAuditFields): string {
  const canonical = canonicalJson({
    organizationId: fields.organizationId,
    seq: String(fields.seq),
    actorUserId: fields.actorUserId ?? null,
    actorLabel: fields.actorLabel,
    action: fields.action,
    targetType: fields.targetType ?? null,
    targetId: fields.targetId ?? null,
    before: fields.before ?? null,
    after: fields.after ?? null,
    occurredAt: new Date(fields.occurredAt).toISOString(),
    requestId: fields.requestId ?? null,
    prevHash: fields.prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
