import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { describeError } from '@civic/database';
import { QueueService } from '@civic/queue';
import { replySendQueue } from '@civic/replies';
import { ClaimedNotice, CitizenNoticeSender } from './citizen-notice.sender';

/** Wait after finding no queued notice. */
const IDLE_MS = 250;

/**
 * Sends queued citizen notices, one per transaction: the notice is claimed with FOR UPDATE SKIP
 * LOCKED and its outcome (the reply in the outbox, or why not) is written in the same transaction,
 * so a notice is handed to the channel exactly once even with several workers.
 */
@Injectable()
export class CitizenNoticeWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CitizenNoticeWorker.name);
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: CitizenNoticeSender,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Sends every queued notice now (tests, and the loop). Returns how many were handled. */
  async drain(): Promise<number> {
    const [waiting] = await this.dataSource.query(`SELECT 1 FROM citizen_notice WHERE state = 'queued' LIMIT 1`);
    if (!waiting) {
      return 0;
    }
    // Before any transaction (on PGlite another session waits for an open one to end), and only once there is
    // work: queues created side by side at boot can deadlock in pg-boss.
    await this.queue.ensureQueue(replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS));
    let handled = 0;
    while (!this.stopped && (await this.sendOne())) {
      handled++;
    }
    return handled;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if ((await this.drain()) > 0) {
          continue;
        }
      } catch (error) {
        this.logger.error(`Citizen notices: ${describeError(error)}`);
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

  private async sendOne(): Promise<boolean> {
    let failed: { id: string; organization_id: string } | null = null;
    const found = await this.dataSource.transaction(async (manager) => {
      const notice = await this.claim(manager);
      if (!notice) {
        return false;
      }
      try {
        await manager.query('SAVEPOINT citizen_notice_send');
        await this.sender.send(manager, notice);
      } catch (error) {
        // An unexpected error must not leave the notice to be retried forever: it fails, and says so.
        this.logger.error(`Citizen notice ${notice.id}: ${describeError(error)}`);
        await manager.query('ROLLBACK TO SAVEPOINT citizen_notice_send');
        failed = notice;
      }
      return true;
    });
    if (failed) {
      const { id, organization_id } = failed;
      await this.dataSource.query(
        `UPDATE citizen_notice SET state = 'failed', reason = 'send_error' WHERE organization_id = $1 AND id = $2 AND state = 'queued'`,
        [organization_id, id],
      );
    }
    return found;
  }

  private async claim(manager: EntityManager): Promise<ClaimedNotice | null> {
    const [notice] = await manager.query(
      // A conversation's messages arrive in order: its next notice waits until the previous one has left.
      `SELECT n.id, n.organization_id, n.conversation_id, n.case_id, n.contact_id, n.kind, n.values, n.buttons, n.in_reply_to_message_id
         FROM citizen_notice n
        WHERE n.state = 'queued'
          AND NOT EXISTS (SELECT 1 FROM citizen_notice p JOIN message m ON m.id = p.message_id
                           WHERE p.conversation_id = n.conversation_id AND p.state = 'sent' AND m.delivery_state = 'queued')
        ORDER BY n.created_at, n.id LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
    );
    if (!notice) {
      return null;
    }
    if (notice.contact_id) {
      // One contact's notices one at a time across workers: the privacy notice goes with the first only.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('citizen-contact'), hashtext($1))`, [
        notice.contact_id,
      ]);
    }
    const [contact] = await manager.query(
      `SELECT ct.channel AS contact_channel,
              (ct.channel_user_id LIKE 'anon:%'
               OR EXISTS (SELECT 1 FROM conversation_erasure e WHERE e.conversation_id = $3)) AS contact_erased,
              (s.opted_out_at IS NOT NULL) AS opted_out, s.language AS contact_language,
              (s.privacy_notice_sent_at IS NOT NULL) AS privacy_notice_sent
         FROM (SELECT 1) one
         LEFT JOIN contact ct ON ct.id = $2
         LEFT JOIN citizen_contact_state s ON s.organization_id = $1 AND s.contact_id = $2`,
      [notice.organization_id, notice.contact_id, notice.conversation_id],
    );
    return {
      ...notice,
      contact_channel: contact?.contact_channel ?? null,
      contact_erased: contact?.contact_erased === true,
      opted_out: contact?.opted_out === true,
      contact_language: contact?.contact_language ?? null,
      privacy_notice_sent: contact?.privacy_notice_sent === true,
    };
  }
}
