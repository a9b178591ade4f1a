import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { withAdvisoryLock, describeError } from '@civic/database';
import { DeferredUpdatesService } from './deferred-updates.service';

/** How often a worker applies deferred updates whose message has arrived. */
export const DEFERRED_SWEEP_MS = 1000;
/** How often a worker drops deferred updates older than DEFERRED_UPDATE_HOURS. */
const EXPIRE_EVERY_MS = 60_000;
/** Deferred updates applied per transaction. */
const APPLY_BATCH = 200;

/**
 * Applies edits, deletions and delivery statuses that arrived before their message (see
 * `deferred_message_update`) and drops those whose message never came. One worker at a time across
 * every process (advisory lock), so two edits of one message are applied in the order they came.
 */
@Injectable()
export class DeferredUpdateSweeper {
  private readonly logger = new Logger(DeferredUpdateSweeper.name);
  private lastExpiryAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deferred: DeferredUpdatesService,
    private readonly config: AppConfig,
  ) {}

  @Interval('deferred-updates', DEFERRED_SWEEP_MS)
  async tick(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.error(`Applying deferred message updates failed: ${describeError(error)}`);
    }
  }

  /**
   * One pass; returns what it applied and dropped, or 'locked' while another worker sweeps.
   * `expire` forces the drop of old updates, otherwise done once a minute.
   */
  async sweep(expire = false): Promise<{ applied: number; expired: number } | 'locked'> {
    const hours = this.config.env.DEFERRED_UPDATE_HOURS;
    expire ||= Date.now() - this.lastExpiryAt >= EXPIRE_EVERY_MS;
    // Most of the time nothing waits: one cheap query, no lock and no transaction.
    if (!expire && !(await this.deferred.deferredUpdatesDue())) {
      return { applied: 0, expired: 0 };
    }
    return withAdvisoryLock(this.dataSource, 'ingest', 'deferred-updates', async () => {
      let applied = 0;
      let batch: number;
      do {
        batch = await this.deferred.applyDeferredUpdates(APPLY_BATCH);
        applied += batch;
      } while (batch === APPLY_BATCH);
      if (!expire) {
        return { applied, expired: 0 };
      }
      this.lastExpiryAt = Date.now();
      const expired = await this.deferred.expireDeferredUpdates(hours);
      if (expired > 0) {
        this.logger.warn(
          `${expired} edit(s), deletion(s) or status(es) dropped: their message did not arrive within ${hours} h`,
        );
      }
      return { applied, expired };
    });
  }
}
