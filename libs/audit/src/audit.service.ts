import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '@civic/domain';
import { AuditChainReport } from './audit-chain-report';
import { AuditEntry } from './audit-entry';
import { AuditEventFilter } from './audit-event-filter';
import { auditFilterSql } from './audit-filter-sql';
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
    const [event] = await this.recordMany([entry], manager);
    return event;
  }

  /**
   * Appends several events of one organization in one step: one lock, one read of the chain head
   * and one insert, however many events. Callers that record many changes in one transaction
   * (a worker marking a batch of sent replies) hold the organization's lock once instead of per event.
   */
  async recordMany(entries: readonly AuditEntry[], manager?: EntityManager): Promise<AuditEvent[]> {
    if (entries.length === 0) {
      return [];
    }
    if (new Set(entries.map((e) => e.organizationId)).size > 1) {
      throw new Error('recordMany: every entry must belong to one organization');
    }
    if (manager?.queryRunner?.isTransactionActive) {
      return this.append(manager, entries);
    }
    return (manager ?? this.dataSource.manager).transaction((m) => this.append(m, entries));
  }

  private async append(manager: EntityManager, entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
    const labelled: AuditEntry[] = [];
    for (const entry of entries) {
      labelled.push(await this.withActorLabel(manager, entry));
    }
    const organizationId = labelled[0].organizationId;
    // Serializes appends of one organization until commit, so two writers never fork the chain.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [organizationId]);
    const [last] = await manager.query(
      'SELECT seq, hash FROM audit_event WHERE organization_id = $1 ORDER BY seq DESC LIMIT 1',
      [organizationId],
    );
    let seq = last ? BigInt(last.seq) : 0n;
    let prevHash: string = last?.hash ?? GENESIS_HASH;
    const events = labelled.map((entry) => {
      seq += 1n;
      const fields = {
        organizationId,
        seq: seq.toString(),
        actorUserId: entry.actorUserId ?? null,
        actorLabel: entry.actorLabel!,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        // Normalized through JSON so the hash covers exactly what jsonb will store.
        before: toJsonValue(entry.before),
        after: toJsonValue(entry.after),
        // Millisecond precision: what JavaScript reads back must hash the same as what was written.
        occurredAt: new Date(Math.floor((entry.occurredAt ?? new Date()).getTime())),
        requestId: entry.requestId ?? null,
        prevHash,
      };
      const hash = computeAuditHash(fields);
      prevHash = hash;
      return { ...fields, hash };
    });
    const rows: { id: string; seq: string }[] = await manager.query(
      `INSERT INTO audit_event (organization_id, seq, actor_user_id, actor_label, action, target_type, target_id,
         before, after, occurred_at, request_id, prev_hash, hash)
       SELECT $1, e.seq, e.actor_user_id, e.actor_label, e.action, e.target_type, e.target_id, e.before, e.after,
              e.occurred_at, e.request_id, e.prev_hash, e.hash
         FROM jsonb_to_recordset($2::jsonb) AS e(seq bigint, actor_user_id uuid, actor_label text, action text,
              target_type text, target_id text, before jsonb, after jsonb, occurred_at timestamptz, request_id text, prev_hash text, hash text)
       RETURNING id, seq`,
      [
        organizationId,
        JSON.stringify(
          events.map((e) => ({
            seq: e.seq,
            actor_user_id: e.actorUserId,
            actor_label: e.actorLabel,
            action: e.action,
            target_type: e.targetType,
            target_id: e.targetId,
            before: e.before,
            after: e.after,
            occurred_at: e.occurredAt.toISOString(),
            request_id: e.requestId,
            prev_hash: e.prevHash,
            hash: e.hash,
          })),
        ),
      ],
    );
    const idBySeq = new Map(rows.map((row) => [String(row.seq), String(row.id)]));
    return events.map((e) => Object.assign(new AuditEvent(), e, { id: idBySeq.get(e.seq)! }));
  }

  /** An entry without an actor label is labelled with its user's e-mail (or "system"). */
  private async withActorLabel(manager: EntityManager, entry: AuditEntry): Promise<AuditEntry> {
    if (entry.actorLabel) {
      return entry;
    }
    const [user] = entry.actorUserId
      ? await manager.query('SELECT email FROM app_user WHERE id = $1', [entry.actorUserId])
      : [];
    return { ...entry, actorLabel: user?.email ?? (entry.actorUserId ? `user:${entry.actorUserId}` : 'system') };
  }

  /** Newest first, keyset-paginated on seq. */
  async list(
    organizationId: string,
    filter: AuditEventFilter,
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const { where, params } = auditFilterSql(organizationId, filter);
    params.push(limit + 1);
    const rows: AuditEvent[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE ${where} ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((r) => Object.assign(r, { id: String(r.id), seq: String(r.seq) }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }

  /** The last event of the organization's chain (what an export manifest pins). */
  async head(
    organizationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ seq: string; hash: string; eventId: string } | null> {
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
          ok: false,
          organizationId,
          checked,
          head: null,
          firstBrokenEventId: String(row.id),
          firstBrokenSeq: String(row.seq),
          reason,
        });
        const seq = BigInt(row.seq);
        if (seq !== expectedSeq) {
          return broken(`sequence gap: expected event #${expectedSeq}, found #${seq} (events deleted)`);
        }
        if (row.prevHash !== prevHash) {
          return broken('prev_hash does not match the hash of the previous event');
        }
        if (computeAuditHash({ ...row, seq: String(row.seq) }) !== row.hash) {
          return broken('hash does not match the event content (event altered)');
        }
        prevHash = row.hash;
        expectedSeq = seq + 1n;
        head = { seq: String(row.seq), hash: row.hash, eventId: String(row.id) };
      }
      if (rows.length < VERIFY_BATCH) {
        break;
      }
    }
    return { ok: true, organizationId, checked, head };
  }

  /** Every organization that has an audit chain (for the CLI). */
  async organizationsWithEvents(): Promise<string[]> {
    const rows: { organization_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT organization_id FROM audit_event',
    );
    return rows.map((r) => r.organization_id);
  }
}

function toJsonValue(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}
