import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { describeError, withAdvisoryLock } from '@civic/database';
import { CitizenInboundMessage } from './citizen-inbound-handler';
import { CitizenInboundHandlerRegistry } from './citizen-inbound-handler.registry';

const BATCH = 100;
/** Wait between scans that found nothing new. */
const IDLE_MS = 500;
/**
 * Each scan starts this far before the high-water mark: a message whose ingest transaction began
 * earlier (received_at = transaction start) but committed after the last scan is still seen; the
 * processed markers keep it from running twice.
 */
export const CITIZEN_SCAN_OVERLAP_SECONDS = 300;
/**
 * Between those full overlaps (once a minute), a scan starts this far before the last message this
 * process saw, so a busy inbox is not read again from five minutes back on every pass.
 */
const RECENT_OVERLAP_SECONDS = 10;
const FULL_OVERLAP_EVERY_MS = 60_000;

interface Row {
  id: string;
  organization_id: string;
  conversation_id: string;
  channel_account_id: string;
  channel: string;
  contact_id: string | null;
  kind: string;
  text: string | null;
  raw: unknown;
  sent_at: Date;
  received_at: string;
  opens_conversation: boolean;
}

/**
 * Runs the registered inbound handlers (opt-out, status request, satisfaction answer, out of hours,
 * acknowledgement) on every new citizen message, after ingest and outside its transaction, so
 * ingest is never slowed. Progress is a high-water mark on message.received_at per organization; a
 * processed row per message makes each message's handlers run exactly once. A batch of messages runs
 * in one transaction; if a handler fails, the batch is undone and run again one message per transaction.
 * A new installation (or organization) starts at its first scan, not at the beginning of history.
 */
@Injectable()
export class CitizenInboundScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CitizenInboundScanner.name);
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Per organization: the newest received_at this process scanned, and when it last took the full overlap. */
  private readonly seen = new Map<string, { receivedAt: string; fullAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: CitizenInboundHandlerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** One pass over every organization; returns how many messages were handled, or 'locked' (another scanner runs). */
  async scanAll(): Promise<number | 'locked'> {
    return withAdvisoryLock(this.dataSource, 'civic.citizen-loop', 'inbound-scan', async () => {
      const organizations: { id: string }[] = await this.dataSource.query(`SELECT id FROM organization ORDER BY id`);
      let handled = 0;
      for (const organization of organizations) {
        handled += await this.scanOrganization(organization.id);
      }
      return handled;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let handled: number | 'locked' = 0;
      try {
        handled = await this.scanAll();
      } catch (error) {
        this.logger.error(`Citizen inbound scan: ${describeError(error)}`);
      }
      if (typeof handled === 'number' && handled > 0) {
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async scanOrganization(organizationId: string): Promise<number> {
    const seen = this.seen.get(organizationId);
    const full = !seen || Date.now() - seen.fullAt >= FULL_OVERLAP_EVERY_MS;
    const since = full
      ? await this.start(organizationId)
      : ((
          await this.dataSource.query(`SELECT ($1::timestamptz - make_interval(secs => $2))::text AS since`, [
            seen.receivedAt,
            RECENT_OVERLAP_SECONDS,
          ])
        )[0].since as string);
    let position = { receivedAt: since, id: '00000000-0000-0000-0000-000000000000' };
    this.seen.set(organizationId, { receivedAt: seen?.receivedAt ?? since, fullAt: full ? Date.now() : seen!.fullAt });
    let handled = 0;
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT m.id, m.organization_id, m.conversation_id, m.channel_account_id, m.channel, m.contact_id, m.kind, m.text, m.raw,
                m.sent_at, m.received_at::text AS received_at,
                NOT EXISTS (SELECT 1 FROM message o WHERE o.conversation_id = m.conversation_id AND o.direction = 'in'
                               AND (o.sent_at, o.id) < (m.sent_at, m.id)) AS opens_conversation
           FROM message m
          WHERE m.organization_id = $1 AND (m.received_at, m.id) > ($2::timestamptz, $3::uuid)
            AND m.direction = 'in' AND NOT m.deleted
            AND NOT EXISTS (SELECT 1 FROM citizen_inbound_processed p WHERE p.organization_id = m.organization_id AND p.message_id = m.id)
          ORDER BY m.received_at, m.id LIMIT ${BATCH}`,
        [organizationId, position.receivedAt, position.id],
      );
      if (rows.length === 0) {
        return handled;
      }
      const last = rows[rows.length - 1];
      try {
        handled += await this.handleBatch(organizationId, rows, last.received_at);
      } catch (error) {
        // A handler failed: the batch is undone and its messages go one transaction each, so only that one fails.
        this.logger.warn(`Citizen messages: batch failed, one by one: ${describeError(error)}`);
        for (const row of rows) {
          handled += await this.handleAlone(row);
        }
        await this.advance(this.dataSource.manager, organizationId, last.received_at);
      }
      position = { receivedAt: last.received_at, id: last.id };
      this.seen.get(organizationId)!.receivedAt = last.received_at;
      if (rows.length < BATCH) {
        return handled;
      }
    }
  }

  /** The batch in one transaction: markers for all (the ones another scanner took are skipped), then the handlers. */
  private async handleBatch(organizationId: string, rows: Row[], lastReceivedAt: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const marked: { message_id: string }[] = await manager.query(
        `INSERT INTO citizen_inbound_processed (organization_id, message_id, outcome)
         SELECT $1, id, 'pass' FROM unnest($2::uuid[]) AS id
         ON CONFLICT (organization_id, message_id) DO NOTHING RETURNING message_id`,
        [organizationId, rows.map((r) => r.id)],
      );
      const mine = new Set(marked.map((m) => m.message_id));
      const consumed: string[] = [];
      const batch = rows.filter((r) => mine.has(r.id));
      const batchMessageIds = batch.map((r) => r.id);
      for (const row of batch) {
        if ((await this.runHandlers(manager, row, batchMessageIds)) === 'consumed') {
          consumed.push(row.id);
        }
      }
      if (consumed.length > 0) {
        await this.setOutcome(manager, organizationId, consumed, 'consumed');
      }
      await this.advance(manager, organizationId, lastReceivedAt);
      return mine.size;
    });
  }

  /** One message in its own transaction; a failure is recorded and not retried (exactly once). */
  private async handleAlone(row: Row): Promise<number> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const marked = await manager.query(
          `INSERT INTO citizen_inbound_processed (organization_id, message_id, outcome) VALUES ($1, $2, 'pass')
           ON CONFLICT (organization_id, message_id) DO NOTHING RETURNING message_id`,
          [row.organization_id, row.id],
        );
        if (marked.length === 0) {
          return 0;
        }
        if ((await this.runHandlers(manager, row, [row.id])) === 'consumed') {
          await this.setOutcome(manager, row.organization_id, [row.id], 'consumed');
        }
        return 1;
      });
    } catch (error) {
      this.logger.error(`Citizen message ${row.id}: ${describeError(error)}`);
      await this.dataSource.query(
        `INSERT INTO citizen_inbound_processed (organization_id, message_id, outcome) VALUES ($1, $2, 'error')
         ON CONFLICT (organization_id, message_id) DO NOTHING`,
        [row.organization_id, row.id],
      );
      return 1;
    }
  }

  /** The handlers in order until one consumes the message. */
  private async runHandlers(
    manager: EntityManager,
    row: Row,
    batchMessageIds: readonly string[],
  ): Promise<'consumed' | 'pass'> {
    const message: CitizenInboundMessage = {
      id: row.id,
      organizationId: row.organization_id,
      conversationId: row.conversation_id,
      channelAccountId: row.channel_account_id,
      channel: row.channel,
      contactId: row.contact_id,
      kind: row.kind,
      text: row.text,
      raw: row.raw,
      sentAt: new Date(row.sent_at),
      opensConversation: row.opens_conversation,
      batchMessageIds,
    };
    for (const handler of this.registry.list()) {
      if ((await handler.handle(manager, message)) === 'consumed') {
        return 'consumed';
      }
    }
    return 'pass';
  }

  private async setOutcome(manager: EntityManager, organizationId: string, ids: string[], outcome: string) {
    await manager.query(
      `UPDATE citizen_inbound_processed SET outcome = $3 WHERE organization_id = $1 AND message_id = ANY($2::uuid[])`,
      [organizationId, ids, outcome],
    );
  }

  /** Only ever forward: the overlap is taken from here on the next scan. */
  private async advance(manager: EntityManager, organizationId: string, receivedAt: string): Promise<void> {
    await manager.query(
      `UPDATE citizen_inbound_scan SET scanned_received_at = GREATEST(scanned_received_at, $2::timestamptz) WHERE organization_id = $1`,
      [organizationId, receivedAt],
    );
  }

  /** The scan's start: the high-water mark less the overlap; the first scan of an organization starts now. */
  private async start(organizationId: string): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO citizen_inbound_scan (organization_id, scanned_received_at) VALUES ($1, now())
       ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId],
    );
    const [row] = await this.dataSource.query(
      `SELECT (scanned_received_at - make_interval(secs => $2))::text AS start FROM citizen_inbound_scan WHERE organization_id = $1`,
      [organizationId, CITIZEN_SCAN_OVERLAP_SECONDS],
    );
    return row.start;
  }
}
