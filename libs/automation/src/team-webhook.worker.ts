import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import axios from 'axios';
import { DataSource } from 'typeorm';
import { CASE_SIGNATURE_HEADER, signCasePayload } from '@civic/cases';
import { QueueService } from '@civic/queue';
import { TeamDirectory } from './team-directory';
import { TEAM_WEBHOOK_QUEUE, TeamWebhookJob } from './team-webhook.queue';

const TIMEOUT_MS = 10_000;

/**
 * Worker side of notify_team_webhook: POSTs the queued JSON to the team's current address, signed
 * with its current secret (X-Civic-Signature, HMAC-SHA256 of the exact bytes, as forwarded cases are)
 * and carrying X-Civic-Delivery for deduplication. 5xx, 408, 429 and network errors are retried with
 * backoff; another 4xx, or a team whose webhook was removed meanwhile, ends the job.
 */
@Injectable()
export class TeamWebhookWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(TeamWebhookWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    @Optional() @Inject(TeamDirectory) private readonly directory?: TeamDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<TeamWebhookJob>(TEAM_WEBHOOK_QUEUE, { pollingIntervalSeconds: 1 }, async (job) => {
      await this.deliver(job.data, job.retryCount >= job.retryLimit);
    });
  }

  async deliver(job: TeamWebhookJob, lastAttempt: boolean): Promise<void> {
    const target = await this.directory?.webhook(this.dataSource.manager, job.organizationId, job.teamId);
    if (!target?.url) {
      this.logger.warn(`team webhook ${job.body.deliveryId}: the team has no webhook any more`);
      return;
    }
    const raw = JSON.stringify(job.body);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-civic-delivery': job.body.deliveryId,
      'x-civic-event': job.body.event,
    };
    if (target.secret) {
      headers[CASE_SIGNATURE_HEADER] = signCasePayload(raw, target.secret);
    }
    let failure: string;
    let retryable: boolean;
    try {
      const response = await axios.post(target.url, raw, {
        headers,
        timeout: TIMEOUT_MS,
        maxRedirects: 0,
        validateStatus: () => true,
      });
      if (response.status >= 200 && response.status < 300) {
        return;
      }
      failure = `HTTP ${response.status}`;
      retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    } catch (error) {
      // No answer at all (refused, timed out): the receiver may come back.
      failure = (error as Error).message;
      retryable = true;
    }
    this.logger.warn(`team webhook ${job.body.deliveryId}: ${failure}${retryable ? '' : ', not retried'}`);
    if (retryable && !lastAttempt) {
      throw new Error(`team webhook ${job.body.deliveryId}: ${failure}`);
    }
  }
}
