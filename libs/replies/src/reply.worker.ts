import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@civic/config';
import { QueueService } from '@civic/queue';
import { replySendQueue, ReplySendJob } from './reply-send.queue';
import { ReplyDispatcher } from './reply.dispatcher';
import { SendDeferredError } from './send-rate.limiter';

/** Wait after a fetch that found the queue drained; a fetch is one indexed query, so it can be short. */
const POLLING_INTERVAL_SECONDS = 0.5;
/** Sends of one batch in flight at once (the database pool, not the channel, is the limit here). */
const CONCURRENCY = 20;
/**
 * Sends in flight at once for one channel account in this process, so one account does not take a
 * whole batch. The account's send rate limit itself is held across processes by SendRateLimiter.
 */
const PER_ACCOUNT_CONCURRENCY = 5;

/** Worker side of the reply outbox: takes send jobs from pg-boss in batches and hands them to the dispatcher. */
@Injectable()
export class ReplyWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReplyWorker.name);

  constructor(
    private readonly queue: QueueService,
    private readonly dispatcher: ReplyDispatcher,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS);
    await this.queue.workBatches<ReplySendJob>(
      queue,
      {
        batchSize: this.config.env.REPLY_BATCH_SIZE,
        pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
        concurrency: CONCURRENCY,
        perKeyConcurrency: PER_ACCOUNT_CONCURRENCY,
        // Jobs queued before the account id was part of the job data are not grouped.
        keyOf: (job) => job.data.channelAccountId ?? job.data.messageId,
      },
      // A throw (retryable channel error, send in flight elsewhere) fails only this job; pg-boss retries it with backoff.
      async (job) => {
        try {
          const outcome = await this.dispatcher.dispatch(job.data.messageId, job.retryCount >= job.retryLimit);
          this.logger.debug(`Reply ${job.data.messageId}: ${outcome}`);
        } catch (error) {
          if (!(error instanceof SendDeferredError)) {
            throw error;
          }
          // At the account's send rate limit: a new job for later, so waiting uses none of the retries.
          // It is queued before this one completes; if both ran, the dispatcher's claim sends once.
          await this.queue.send(queue, job.data, { startAfter: error.until });
          this.logger.debug(`Reply ${job.data.messageId}: deferred until ${error.until.toISOString()}`);
        }
      },
    );
  }
}
