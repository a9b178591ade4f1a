import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { describeError, withAdvisoryLock } from '@civic/database';
import { TeamQueueDispatcher } from './team-queue.dispatcher';

/** How often a worker hands out team queues (members free capacity by closing conversations). */
export const TEAM_QUEUE_TICK_MS = 15_000;

/** The periodic hand-out of team queues, one worker at a time across processes. */
@Injectable()
export class TeamQueueScheduler {
  private readonly logger = new Logger(TeamQueueScheduler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: TeamQueueDispatcher,
  ) {}

  @Interval('team-queues', TEAM_QUEUE_TICK_MS)
  async tick(): Promise<void> {
    try {
      await withAdvisoryLock(this.dataSource, 'teams', 'queues', () => this.dispatcher.drainAll());
    } catch (error) {
      this.logger.error(`Handing out team queues failed: ${describeError(error)}`);
    }
  }
}
