import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@civic/config';
import { QueueService } from '@civic/queue';
import { ReplyDispatcher } from './reply.dispatcher';
import { replySendQueue, ReplySendJob } from './reply-send.queue';

/** How often an idle worker looks for reply jobs; replies should leave within a second or two. */
const POLLING_INTERVAL_SECONDS = 1;

/** Worker side of the reply outbox: takes send jobs from pg-boss and hands them to the dispatcher. */
@Injectable()
export class ReplyWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReplyWorker.name);

  constructor(
    private readonly queue: QueueService,
    private readonly dispatcher: ReplyDispatcher,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<ReplySendJob>(
      replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS),
      { pollingIntervalSeconds: POLLING_INTERVAL_SECONDS },
      async (job) => {
        const outcome = await this.dispatcher.dispatch(job.data.messageId, job.retryCount >= job.retryLimit);
        this.logger.debug(`Reply ${job.data.messageId}: ${outcome}`);
      },
    );
  }
}
