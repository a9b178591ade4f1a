import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Observable, defer, finalize, from, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { PRESENCE_TTL_SECONDS } from './open-statuses';
import { TeamQueueDispatcher } from './team-queue.dispatcher';

/** How often this process confirms the officers whose live stream it holds (well within the TTL). */
export const PRESENCE_HEARTBEAT_MS = 20_000;

interface Holder {
  organizationId: string;
  userId: string;
  streams: number;
}

/**
 * Who is online in the web inbox: an officer with an open live-events stream. Each api process keeps
 * one `user_presence` row per officer it holds a stream for, refreshed by a heartbeat and removed when
 * their last stream there closes, so presence holds across processes; a crashed process's rows expire
 * after PRESENCE_TTL_SECONDS. Coming online hands out the queues of the officer's teams.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  readonly instanceId = randomUUID();
  private readonly holders = new Map<string, Holder>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: TeamQueueDispatcher,
  ) {}

  /** Wraps a live stream: the officer counts as online from its start until it ends. */
  track<T>(who: { organizationId: string; userId: string }, stream: Observable<T>): Observable<T> {
    return defer(() => from(this.connected(who.organizationId, who.userId))).pipe(
      switchMap(() => stream),
      finalize(() => void this.disconnected(who.organizationId, who.userId)),
    );
  }

  async connected(organizationId: string, userId: string): Promise<void> {
    const key = `${organizationId}/${userId}`;
    const holder = this.holders.get(key);
    if (holder) {
      holder.streams++;
      return;
    }
    this.holders.set(key, { organizationId, userId, streams: 1 });
    try {
      const [{ online }] = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM user_presence WHERE organization_id = $1 AND user_id = $2
                  AND last_seen_at > now() - interval '${PRESENCE_TTL_SECONDS} seconds') AS online`,
        [organizationId, userId],
      );
      await this.touch([{ organizationId, userId, streams: 1 }]);
      this.startHeartbeat();
      if (!online) {
        void this.dispatcher
          .drainForUser(organizationId, userId)
          .catch((error) => this.logger.warn(`Handing out queues failed: ${describeError(error)}`));
      }
    } catch (error) {
      this.logger.warn(`Recording presence failed: ${describeError(error)}`);
    }
  }

  async disconnected(organizationId: string, userId: string): Promise<void> {
    const key = `${organizationId}/${userId}`;
    const holder = this.holders.get(key);
    if (!holder || --holder.streams > 0) {
      return;
    }
    this.holders.delete(key);
    await this.dataSource
      .query(`DELETE FROM user_presence WHERE organization_id = $1 AND user_id = $2 AND instance_id = $3`, [
        organizationId,
        userId,
        this.instanceId,
      ])
      .catch((error) => this.logger.warn(`Clearing presence failed: ${describeError(error)}`));
  }

  private async touch(holders: Holder[]): Promise<void> {
    if (holders.length === 0) {
      return;
    }
    await this.dataSource.query(
      `INSERT INTO user_presence (organization_id, user_id, instance_id, last_seen_at)
       SELECT o, u, $3, now() FROM unnest($1::uuid[], $2::uuid[]) AS x(o, u)
       ON CONFLICT (organization_id, user_id, instance_id) DO UPDATE SET last_seen_at = now()`,
      [holders.map((h) => h.organizationId), holders.map((h) => h.userId), this.instanceId],
    );
  }

  private startHeartbeat(): void {
    if (this.timer) {
      return;
    }
    this.timer = setInterval(() => {
      void this.touch([...this.holders.values()]).catch((error) =>
        this.logger.warn(`Presence heartbeat failed: ${describeError(error)}`),
      );
    }, PRESENCE_HEARTBEAT_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    this.holders.clear();
    await this.dataSource
      .query(`DELETE FROM user_presence WHERE instance_id = $1`, [this.instanceId])
      .catch(() => undefined);
  }
}
