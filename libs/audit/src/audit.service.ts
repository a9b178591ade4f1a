import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '@civic/domain';
import { AuditChainReport } from './audit-chain-report';
import { AuditEntry } from './audit-entry';
import { AuditEventFilter } from './audit-event-filter';
import { computeAuditHash, GENESIS_HASH } from './audit-hash';

const VERIFY_BATCH = 1000;
const EVENT_COLUMNS = `id, organization_id AS "organizationId", seq, actor_user_id AS "actorUserId", actor_label AS "actorLabel",
  action, target_type AS "targetType", target_id AS "targetId", before, after, occurred_at AS "occurredAt",
  request_id AS "requestId", prev_hash AS "prevHash", hash`;

/** The tamper-evident audit trail: append (hash-chained per organization), list, verify. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one event. Pass the caller's transaction manager so the event commits or rolls back
   * with the change it records; without one (or outside a transaction) it runs in its own transaction.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<AuditEvent> {
    if (manager?.queryRunner?.isTransactionActive) return this.append(manager, entry);
    return (manager ?? this.dataSource.manager).transaction((m) => this.append(m, entry));
  }

  private async append(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    if (!entry.actorLabel) {
      const [user] = entry.actorUserId ? await manager.query('SELECT email FROM app_user WHERE id = $1', [entry.actorUserId]) : [];
      entry = { ...entry, actorLabel: user?.email ?? (entry.actorUserId ? `user:${entry.actorUserId}` : 'system') };
    }
    // Serializes appends of one organization until commit, so two writers never fork the chain.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [entry.organizationId]);
    const [last] = await manager.query(
      'SELECT seq, hash FROM audit_event WHERE organization_id = $1 ORDER BY seq DESC LIMIT 1',
      [entry.organizationId],
    );
    const seq = last ? (BigInt(last.seq) + 1n).toString() : '1';
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    // Millisecond precision: what JavaScript reads back must hash the same as what was written.
    const occurredAt = new Date(Math.floor((entry.occurredAt ?? new Date()).getTime()));
    const fields = {
      organizationId: entry.organizationId,
      seq,
      actorUserId: entry.actorUserId ?? null,
      actorLabel: entry.actorLabel!,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      // Normalized through JSON so the hash covers exactly what jsonb will store.
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      occurredAt,
      requestId: entry.requestId ?? null,
      prevHash,
    };
    const hash = computeAuditHash(fields);
    const [row] = await manager.query(
      `INSERT INTO audit_event (organization_id, seq, actor_user_id, actor_label, action, target_type, target_id,
         before, after, occurred_at, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13) RETURNING id`,
      [
        fields.organizationId, seq, fields.actorUserId, fields.actorLabel, fields.action, fields.targetType, fields.targetId,
        fields.before === null ? null : JSON.stringify(fields.before),
        fields.after === null ? null : JSON.stringify(fields.after),
        occurredAt, fields.requestId, prevHash, hash,
      ],
    );
    return Object.assign(new AuditEvent(), fields, { id: String(row.id), hash });
  }

  /** Newest first, keyset-paginated on seq. */
  async list(organizationId: string, filter: AuditEventFilter): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const where = ['organization_id = $1'];
    const params: unknown[] = [organizationId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (filter.action) add(filter.action.endsWith('.*') ? 'action LIKE ?' : 'action = ?', filter.action.endsWith('.*') ? `${filter.action.slice(0, -1)}%` : filter.action);
    if (filter.actor) add('(actor_user_id::text = ? OR actor_label = $X)'.replace('$X', `$${params.length + 1}`), filter.actor);
    if (filter.targetType) add('target_type = ?', filter.targetType);
    if (filter.targetId) add('target_id = ?', filter.targetId);
    if (filter.before) add('seq < ?', filter.before);
    params.push(limit + 1);
    const rows: AuditEvent[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((r) => Object.assign(r, { id: String(r.id), seq: String(r.seq) }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }

  /** The last event of the organization's chain (what an export manifest pins). */
  async head(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<{ seq: string; hash: string; eventId: string } | null> {
    const [row] = await manager.query(
      'SELECT id, seq, hash FROM audit_event WHERE organization_id = $1 ORDER BY seq DESC LIMIT 1',
      [organizationId],
    );
    return row ? { seq: String(row.seq), hash: row.hash, eventId: String(row.id) } : null;
  }

  /** Recomputes the chain from the first event and names the first one that does not hold. */
  async verify(organizationId: string): Promise<AuditChainReport> {
    let checked = 0;
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let head: AuditChainReport['head'] = null;
    for (;;) {
      const rows: AuditEvent[] = await this.dataSource.query(
        `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE organization_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${VERIFY_BATCH}`,
        [organizationId, expectedSeq.toString()],
      );
      for (const row of rows) {
        checked++;
        const broken = (reason: string): AuditChainReport => ({
          ok: false, organizationId, checked, head: null, firstBrokenEventId: String(row.id), firstBrokenSeq: String(row.seq), reason,
        });
        const seq = BigInt(row.seq);
        if (seq !== expectedSeq) return broken(`sequence gap: expected event #${expectedSeq}, found #${seq} (events deleted)`);
        if (row.prevHash !== prevHash) return broken('prev_hash does not match the hash of the previous event');
        if (computeAuditHash({ ...row, seq: String(row.seq) }) !== row.hash) return broken('hash does not match the event content (event altered)');
        prevHash = row.hash;
        expectedSeq = seq + 1n;
        head = { seq: String(row.seq), hash: row.hash, eventId: String(row.id) };
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    return { ok: true, organizationId, checked, head };
  }

  /** Every organization that has an audit chain (for the CLI). */
  async organizationsWithEvents(): Promise<string[]> {
    const rows: { organization_id: string }[] = await this.dataSource.query('SELECT DISTINCT organization_id FROM audit_event');
    return rows.map((r) => r.organization_id);
  }
}

function toJsonValue(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}
