import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { describeError } from '@civic/database';
import { RetentionService } from './retention.service';

/** How often the worker looks for organizations whose hourly retention run is due. */
export const RETENTION_TICK_MS = 60_000;

/**
 * The retention clock. Each organization runs at most once an hour across all workers: the run is
 * claimed in the database (retention_settings.next_run_at), not by this process.
 */
@Injectable()
export class RetentionScheduler {
  private readonly logger = new Logger(RetentionScheduler.name);
  private running = false;

  constructor(private readonly retention: RetentionService) {}

  @Interval('retention', RETENTION_TICK_MS)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      for (const run of await this.retention.runDue()) {
        if (run.conversations > 0) {
          this.logger.log(
            `Retention ${run.organizationId}: ${run.conversations} conversations, ${run.messages} messages anonymized`,
          );
        }
      }
      const purged = await this.retention.purgeSetAsideWebhookDeliveries();
      if (purged > 0) {
        this.logger.log(`Retention: ${purged} set-aside webhook deliveries older than the keeping period deleted`);
      }
    } catch (error) {
      this.logger.error(`Retention run failed: ${describeError(error)}`);
    } finally {
      this.running = false;
    }
  }
}
