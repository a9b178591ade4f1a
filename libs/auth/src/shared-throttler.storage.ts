import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';

/** How often this process adds its new hits to the shared counters and learns the others'. */
export const RATE_COUNTER_SYNC_MS = 1000;
/** Shared counters are deleted this long after their window closed (one statement a minute). */
const KEEP_CLOSED_WINDOWS_MS = 60 * 1000;

/** One caller's hits in one window as this process knows them. */
interface WindowCount {
  windowStart: number;
  windowEnd: number;
  /** All processes' hits as of the last sync (this process's included). */
  shared: number;
  /** This process's hits since the last sync. */
  pending: number;
}

/**
 * Rate-limit counters shared by every api process (table `api_rate_counter`), in fixed windows of
 * the throttler's ttl. A request is counted in memory, never with a statement of its own (the inbox
 * answers in a few ms); about once a second each process adds its new hits to the table and reads
 * every process's totals back. So a caller spreading requests over N replicas gets at most what
 * the other replicas counted in the last second beyond the limit, where per-process counters gave
 * N times the limit.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly counts = new Map<string, WindowCount>();
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;
  private lastCleanup = 0;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sync(), RATE_COUNTER_SYNC_MS);
    this.timer.unref();
  }

  /** The last hits go to the shared counters while the database connection is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.sync();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const now = Date.now();
    const windowStart = now - (now % ttl);
    const id = `${throttlerName}:${key}`;
    let count = this.counts.get(id);
    if (!count || count.windowStart !== windowStart) {
      this.counts.set(id, (count = { windowStart, windowEnd: windowStart + ttl, shared: 0, pending: 0 }));
    }
    count.pending++;
    const totalHits = count.shared + count.pending;
    // Blocked until the window ends, when every process starts counting afresh.
    const timeToExpire = Math.max(1, Math.ceil((windowStart + ttl - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  /** Adds this process's new hits to the shared counters and reads all processes' totals (one statement). */
  async sync(): Promise<void> {
    if (this.syncing) {
      return this.syncing;
    }
    this.syncing = this.syncOnce().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const now = Date.now();
    const sent = new Map<string, number>();
    for (const [id, count] of this.counts) {
      // A window that has ended limits nothing any more (its shared row is deleted later).
      if (count.windowEnd <= now) {
        this.counts.delete(id);
        continue;
      }
      sent.set(id, count.pending);
      count.pending = 0;
    }
    if (sent.size === 0) {
      return;
    }
    const ids = [...sent.keys()];
    try {
      const rows: { key: string; window_start: Date; hits: number }[] = await this.dataSource.query(
        `WITH mine AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::int[]) AS u(key, window_start, window_end, hits)),
              added AS (INSERT INTO api_rate_counter AS r (key, window_start, window_end, hits)
                        SELECT key, window_start, window_end, hits FROM mine WHERE hits > 0
                        ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + EXCLUDED.hits
                        RETURNING r.key, r.window_start, r.hits)
         SELECT key, window_start, hits FROM added
         UNION ALL
         SELECT r.key, r.window_start, r.hits FROM api_rate_counter r JOIN mine m USING (key, window_start) WHERE m.hits = 0`,
        [
          ids,
          ids.map((id) => new Date(this.counts.get(id)!.windowStart).toISOString()),
          ids.map((id) => new Date(this.counts.get(id)!.windowEnd).toISOString()),
          ids.map((id) => sent.get(id)!),
        ],
      );
      for (const row of rows) {
        const count = this.counts.get(row.key);
        if (count && count.windowStart === new Date(row.window_start).getTime()) {
          count.shared = row.hits;
        }
      }
      if (now - this.lastCleanup > 60_000) {
        this.lastCleanup = now;
        await this.dataSource.query(`DELETE FROM api_rate_counter WHERE window_end < $1`, [
          new Date(now - KEEP_CLOSED_WINDOWS_MS).toISOString(),
        ]);
      }
    } catch (error) {
      // Not lost: the hits are counted again at the next sync (this process keeps limiting meanwhile).
      for (const [id, hits] of sent) {
        const count = this.counts.get(id);
        if (count) {
          count.pending += hits;
        }
      }
      this.logger.warn(`Rate-limit counters not synced: ${describeError(error)}`);
    }
  }
}
