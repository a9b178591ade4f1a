import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { describeError } from '@civic/database';
import { PollingService } from './polling.service';

/** How often the worker looks for due accounts; each account's own interval decides when it is due. */
export const POLLING_TICK_MS = 15_000;

/** The worker's polling clock. Ticks never overlap: a slow round makes the next tick skip. */
@Injectable()
export class PollingScheduler {
  private readonly logger = new Logger(PollingScheduler.name);
  private running = false;

  constructor(private readonly polling: PollingService) {}

  @Interval('channel-polling', POLLING_TICK_MS)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.polling.pollDueAccounts();
    } catch (error) {
      this.logger.error(`Polling round failed: ${describeError(error)}`);
    } finally {
      this.running = false;
    }
  }
}
