import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QueueService } from '@civic/queue';
import { CaseForwardDispatcher } from './case-forward.dispatcher';
import { CASE_FORWARD_QUEUE, CaseForwardJob } from './case-forward.queue';

/** Worker side of case forwarding: takes webhook and e-mail jobs from pg-boss (retried with backoff). */
@Injectable()
export class CaseForwardWorker implements OnApplicationBootstrap {
  constructor(
    private readonly queue: QueueService,
    private readonly dispatcher: CaseForwardDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<CaseForwardJob>(CASE_FORWARD_QUEUE, { pollingIntervalSeconds: 1 }, async (job) => {
      await this.dispatcher.dispatch(job.data.forwardId, job.retryCount >= job.retryLimit);
    });
  }
}
