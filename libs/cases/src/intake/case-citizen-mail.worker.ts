import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { MailRetryableError, MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import { CASE_CITIZEN_MAIL_QUEUE, CaseCitizenMailJob } from './case-citizen-mail.queue';

/**
 * Worker side of the e-mails to citizens of cases recorded by hand: sends a queued row through
 * SMTP once (a sent row is never sent again), retries a temporary refusal with backoff, and marks
 * a permanent one failed with the server's answer.
 */
@Injectable()
export class CaseCitizenMailWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(CaseCitizenMailWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly mail: MailService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<CaseCitizenMailJob>(CASE_CITIZEN_MAIL_QUEUE, { pollingIntervalSeconds: 1 }, async (job) => {
      await this.deliver(job.data, job.retryCount >= job.retryLimit);
    });
  }

  async deliver({ organizationId, mailId }: CaseCitizenMailJob, lastAttempt: boolean): Promise<void> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[row]] = await this.dataSource.query(
      `UPDATE case_citizen_mail SET attempts = attempts + 1 WHERE organization_id = $1 AND id = $2 AND status = 'queued'
       RETURNING id, to_address, subject, body`,
      [organizationId, mailId],
    );
    if (!row) {
      return;
    }
    try {
      await this.mail.send({
        to: row.to_address,
        subject: row.subject,
        text: row.body,
        messageId: `<case-citizen-mail.${row.id}@civic-inbox>`,
        headers: { 'X-Civic-Delivery': row.id },
      });
      await this.mark(organizationId, mailId, 'sent', null);
    } catch (error) {
      const retry = error instanceof MailRetryableError && !lastAttempt;
      await this.mark(organizationId, mailId, retry ? 'queued' : 'failed', (error as Error).message);
      this.logger.warn(`citizen e-mail ${mailId}: ${describeError(error)}`);
      if (retry) {
        throw error;
      }
    }
  }

  private async mark(organizationId: string, mailId: string, status: string, error: string | null) {
    await this.dataSource.query(
      `UPDATE case_citizen_mail SET status = $3, last_error = $4, sent_at = CASE WHEN $3 = 'sent' THEN now() END
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, mailId, status, error],
    );
  }
}
