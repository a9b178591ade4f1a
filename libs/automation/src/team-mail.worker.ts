import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { describeError } from '@civic/database';
import { MailRetryableError, MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import { TEAM_MAIL_QUEUE, TeamMailJob } from './team-mail.queue';

/**
 * Worker side of notify_team: sends the queued e-mail to the team's members through SMTP, retrying
 * a temporary refusal with backoff. The Message-ID is stable per job, so a receiver drops a copy
 * sent again after a retry.
 */
@Injectable()
export class TeamMailWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(TeamMailWorker.name);

  constructor(
    private readonly queue: QueueService,
    private readonly mail: MailService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<TeamMailJob>(TEAM_MAIL_QUEUE, { pollingIntervalSeconds: 1 }, async (job) => {
      await this.deliver(job.data, job.retryCount >= job.retryLimit);
    });
  }

  async deliver(job: TeamMailJob, lastAttempt: boolean): Promise<void> {
    try {
      await this.mail.send({
        to: job.to.join(', '),
        subject: job.subject,
        text: job.text,
        messageId: `<team-mail.${job.mailId}@civic-inbox>`,
        headers: { 'X-Civic-Delivery': job.mailId },
      });
    } catch (error) {
      this.logger.warn(`team e-mail ${job.mailId}: ${describeError(error)}`);
      if (error instanceof MailRetryableError && !lastAttempt) {
        throw error;
      }
    }
  }
}
