import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject, filter } from 'rxjs';
import { DataSource } from 'typeorm';
import { LIVE_EVENTS_CHANNEL, LiveEvent } from '@civic/ingest';

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

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the shared LISTEN is in place, so nothing committed afterwards is missed. */
  async subscribe(organizationId: string): Promise<Observable<LiveEvent>> {
    await this.ensureListening();
    return this.events.pipe(filter((e) => e.organizationId === organizationId));
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_EVENTS_CHANNEL || !message.payload) return;
      try {
        const event = JSON.parse(message.payload) as LiveEvent;
        if (typeof event.organizationId === 'string') this.events.next(event);
      } catch {
        this.logger.warn('Ignored a live event that is not JSON');
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`Live events connection lost: ${error.message}`);
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => this.ensureListening().catch((e) => this.logger.warn(`Reconnect failed: ${e.message}`)), 1000).unref();
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
