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
 * processed row per message makes each message's handlers run exactly once. Each message runs in
 * its own savepoint of a batch transaction: a failing handler undoes only that message's work.
 * A new installation (or organization) starts at its first scan, not at the beginning of history.
 */
@Injectable()
export class CitizenInboundScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CitizenInboundScanner.name);
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

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
    let position = { receivedAt: await this.start(organizationId), id: '00000000-0000-0000-0000-000000000000' };
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
      await this.dataSource.transaction(async (manager) => {
        for (const row of rows) {
          handled += (await this.handle(manager, row)) ? 1 : 0;
        }
        // Only ever forward: the overlap is taken from here on the next scan.
        await manager.query(
          `UPDATE citizen_inbound_scan SET scanned_received_at = GREATEST(scanned_received_at, $2::timestamptz) WHERE organization_id = $1`,
          [organizationId, last.received_at],
        );
      });
      position = { receivedAt: last.received_at, id: last.id };
      if (rows.length < BATCH) {
        return handled;
      }
    }
  }

  /** The handlers in order until one consumes the message; false when another scanner already took it. */
  private async handle(manager: EntityManager, row: Row): Promise<boolean> {
    const marked = await manager.query(
      `INSERT INTO citizen_inbound_processed (organization_id, message_id, outcome) VALUES ($1, $2, 'pass')
       ON CONFLICT (organization_id, message_id) DO NOTHING RETURNING message_id`,
      [row.organization_id, row.id],
    );
    if (marked.length === 0) {
      return false;
    }
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
    };
    await manager.query('SAVEPOINT citizen_inbound_message');
    let outcome = 'pass';
    try {
      for (const handler of this.registry.list()) {
        if ((await handler.handle(manager, message)) === 'consumed') {
          outcome = 'consumed';
          break;
        }
      }
      await manager.query('RELEASE SAVEPOINT citizen_inbound_message');
    } catch (error) {
      // The message is not retried (exactly once); its handlers' work is undone and the failure recorded.
      this.logger.error(`Citizen message ${row.id}: ${describeError(error)}`);
      await manager.query('ROLLBACK TO SAVEPOINT citizen_inbound_message');
      outcome = 'error';
    }
    if (outcome !== 'pass') {
      await manager.query(
        `UPDATE citizen_inbound_processed SET outcome = $3 WHERE organization_id = $1 AND message_id = $2`,
        [row.organization_id, row.id, outcome],
      );
    }
    return true;
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
