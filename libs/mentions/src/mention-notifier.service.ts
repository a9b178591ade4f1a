import { Injectable, Logger } from '@nestjs/common';
import axios from 'axios';
import { DataSource, EntityManager } from 'typeorm';
import { withAdvisoryLock } from '@civic/database';
import { MentionNotification, MentionNotificationKind, MentionSettings } from '@civic/domain';
import { MailRetryableError, MailService } from '@civic/mail';
import { mentionEmailText } from './mention-email-text';

const MAX_ATTEMPTS = 5;
const WEBHOOK_TIMEOUT_MS = 10_000;
/** Queued, or claimed by a deliverer that has not finished within five minutes (it crashed). */
const CLAIMABLE = `(status = 'queued' OR (status = 'sending' AND sent_at < now() - interval '5 minutes'))`;

/**
 * Spike alerts and digests leave through an outbox written in the deciding transaction. The worker POSTs
 * webhooks and, with SMTP_URL set, sends the e-mail, at least once (the body carries the notification id, the
 * e-mail a Message-ID made of it, for deduplication). Without SMTP_URL e-mail rows stay `queued`: the record
 * of what should be mailed, for a person or a relay.
 */
@Injectable()
export class MentionNotifierService {
  private readonly logger = new Logger(MentionNotifierService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  /** Outbox rows for the organization's configured webhook and e-mail; returns how many. */
  async enqueue(
    manager: EntityManager,
    organizationId: string,
    kind: MentionNotificationKind,
    subject: string,
    payload: unknown,
  ): Promise<number> {
    const settings = await manager.getRepository(MentionSettings).findOneBy({ organizationId });
    const rows: {
      organizationId: string;
      kind: MentionNotificationKind;
      transport: 'webhook' | 'email';
      target: string;
      subject: string;
      payload: unknown;
    }[] = [];
    if (settings?.webhookUrl) {
      rows.push({ organizationId, kind, transport: 'webhook', target: settings.webhookUrl, subject, payload });
    }
    if (settings?.email) {
      rows.push({ organizationId, kind, transport: 'email', target: settings.email, subject, payload });
    }
    for (const row of rows) {
      await manager.query(
        `INSERT INTO mention_notification (organization_id, kind, transport, target, subject, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [row.organizationId, row.kind, row.transport, row.target, row.subject, JSON.stringify(row.payload)],
      );
    }
    return rows.length;
  }

  /**
   * Delivers queued webhooks, and e-mail when SMTP is configured; one deliverer at a time (advisory lock),
   * so no row is sent twice concurrently.
   */
  async deliver(): Promise<{ sent: number; failed: number } | 'locked'> {
    return withAdvisoryLock(this.dataSource, 'civic.mentions', 'notify', async () => {
      const transports = this.mail.enabled ? ['webhook', 'email'] : ['webhook'];
      const pending: MentionNotification[] = (
        await this.dataSource.query(
          `SELECT * FROM mention_notification WHERE transport = ANY($1::text[]) AND ${CLAIMABLE} ORDER BY created_at LIMIT 20`,
          [transports],
        )
      ).map(
        (row: Record<string, unknown>) =>
          ({
            id: row.id,
            kind: row.kind,
            transport: row.transport,
            target: row.target,
            subject: row.subject,
            payload: row.payload,
          }) as MentionNotification,
      );
      const result = { sent: 0, failed: 0 };
      for (const notification of pending) {
        const sent = await this.deliverOne(notification);
        if (sent === true) {
          result.sent += 1;
        } else if (sent === false) {
          result.failed += 1;
        }
      }
      return result;
    });
  }

  private async deliverOne(notification: MentionNotification): Promise<boolean | null> {
    // Claim the row first ('sending', sent_at = claim time): without a working advisory lock (embedded PGlite
    // shares one session) a second deliverer finds it taken. A claim older than STALE_CLAIM (a crashed worker) is taken over.
    const [claimed]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE mention_notification SET status = 'sending', attempts = attempts + 1, sent_at = now()
        WHERE id = $1 AND ${CLAIMABLE} RETURNING id`,
      [notification.id],
    );
    if (claimed.length === 0) {
      return null;
    }
    try {
      if (notification.transport === 'email') {
        await this.sendEmail(notification);
      } else {
        await this.post(notification);
      }
      await this.dataSource.query(
        `UPDATE mention_notification SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
        [notification.id],
      );
      return true;
    } catch (error) {
      const message = axios.isAxiosError(error)
        ? `${error.response?.status ?? error.code ?? ''} ${error.message}`.trim()
        : String(error instanceof Error ? error.message : error);
      // A mail server's permanent refusal (unknown mailbox) will not change on retry.
      const final = notification.transport === 'email' && !(error instanceof MailRetryableError);
      await this.dataSource.query(
        `UPDATE mention_notification SET last_error = $2, sent_at = NULL, status = CASE WHEN $4 OR attempts >= $3 THEN 'failed' ELSE 'queued' END WHERE id = $1`,
        [notification.id, message, MAX_ATTEMPTS, final],
      );
      this.logger.warn(`Mention ${notification.transport} ${notification.id} failed: ${message}`);
      return false;
    }
  }

  private async post(notification: MentionNotification): Promise<void> {
    await axios.post(
      notification.target,
      { id: notification.id, kind: notification.kind, subject: notification.subject, data: notification.payload },
      {
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'civic-inbox' },
      },
    );
  }

  private async sendEmail(notification: MentionNotification): Promise<void> {
    await this.mail.send({
      to: notification.target,
      subject: notification.subject,
      text: mentionEmailText(notification.kind, notification.subject, notification.payload),
      messageId: `<mention-notification.${notification.id}@civic-inbox>`,
      headers: { 'X-Civic-Delivery': notification.id, 'X-Civic-Event': `mention.${notification.kind}` },
    });
  }
}
