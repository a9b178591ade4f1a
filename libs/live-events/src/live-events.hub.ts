import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client, Notification } from 'pg';
import { Observable, Subject, filter } from 'rxjs';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { LIVE_EVENTS_CHANNEL, LiveEvent } from './live-event';

type ClientLike = {
  on(event: 'notification', fn: (m: Notification) => void): unknown;
  listeners(event: string): unknown[];
};
type PoolLike = { on(event: 'connect', fn: (client: ClientLike) => void): unknown; _clients?: ClientLike[] };

/**
 * One LISTEN connection per process, shared by every live-updates subscriber; events are fanned
 * out per organization. Connected on the first subscription, reconnected after a drop.
 */
@Injectable()
export class LiveEventsHub implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventsHub.name);
  private readonly events = new Subject<LiveEvent>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private poolAttached = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the shared LISTEN is in place, so nothing committed afterwards is missed. */
  async subscribe(organizationId: string): Promise<Observable<LiveEvent>> {
    await this.ensureListening();
    return this.events.pipe(filter((e) => e.organizationId === organizationId));
  }

  /** Every organization's events (the conversation presence kept by each api process). */
  async subscribeAll(): Promise<Observable<LiveEvent>> {
    await this.ensureListening();
    return this.events.asObservable();
  }

  private ensureListening(): Promise<void> {
    if (this.client) {
      return Promise.resolve();
    }
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private readonly onNotification = (message: Notification) => {
    if (message.channel !== LIVE_EVENTS_CHANNEL || !message.payload) {
      return;
    }
    try {
      const event = JSON.parse(message.payload) as LiveEvent;
      if (typeof event.organizationId === 'string') {
        this.events.next(event);
      }
    } catch {
      this.logger.warn('Ignored a live event that is not JSON');
    }
  };

  /**
   * The embedded PostgreSQL (PGlite) is one backend behind a socket server: a NOTIFY comes back
   * on the connection that sent it, not on the listener. Pool connections never LISTEN on a real
   * server, so hearing them too delivers each event exactly once in both modes.
   */
  private attachToPool(): void {
    const pool = (this.dataSource.driver as unknown as { master?: PoolLike }).master;
    if (!pool || this.poolAttached) {
      return;
    }
    this.poolAttached = true;
    const hear = (client: ClientLike) => {
      if (!client.listeners('notification').includes(this.onNotification)) {
        client.on('notification', this.onNotification);
      }
    };
    pool.on('connect', hear);
    for (const client of pool._clients ?? []) {
      hear(client);
    }
  }

  private async connect(): Promise<void> {
    this.attachToPool();
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    client.on('notification', this.onNotification);
    client.on('error', (error) => {
      this.logger.warn(`Live events connection lost: ${describeError(error)}`);
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) {
        setTimeout(
          () => void this.ensureListening().catch((e) => this.logger.warn(`Reconnect failed: ${describeError(e)}`)),
          1000,
        ).unref();
      }
    });
    await client.connect();
    await client.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.events.complete();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
