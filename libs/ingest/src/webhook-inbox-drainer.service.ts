import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NormalizedEvent } from '@civic/channels-core';
import { describeError } from '@civic/database';
import { decodeEvents } from './event-json.codec';
import { IngestService } from './ingest.service';
import { WebhookInboxWriter } from './webhook-inbox-writer.service';

/**
 * Events ingested together; claimed deliveries stop adding up here (a larger one goes alone).
 * Every delivery carries at least one event, so it also bounds the deliveries looked at per claim.
 */
export const DRAIN_EVENTS_PER_BATCH = 500;
/**
 * Pause after a batch that was not full, so that under load the next one gathers what arrived
 * meanwhile: ingest costs far less per event in batches of hundreds than of a few (one event's
 * round trips cost nearly what a batch's do), and intake shares the CPU with it.
 */
const DRAIN_GATHER_MS = 100;
/**
 * While deliveries keep arriving in this process, draining takes at most this share of the time.
 * Answering Meta quickly comes first (it retries, then disables, slow webhooks); a crisis burst
 * waits in the webhook inbox and is taken up at full speed once intake calms down.
 */
const DRAIN_SHARE_UNDER_LOAD = 0.25;
/** Intake counts as busy while its last delivery is this recent. */
const INTAKE_BUSY_MS = 250;
/** A claimed delivery not finished by then (its process died) is taken by another drainer. */
export const DRAIN_LEASE_SECONDS = 120;
/** Failed ingests of one delivery before it is set aside for an operator. */
export const DRAIN_MAX_ATTEMPTS = 5;
/** How often an idle drainer looks for deliveries staged by other processes. */
const IDLE_POLL_MS = 1000;

interface ClaimedDelivery {
  id: string;
  eventCount: number;
  events: string;
  attempts: number;
}

interface DrainedBatch {
  deliveries: number;
  events: number;
}

/**
 * Ingests the webhook inbox: claims the oldest deliveries (lease, SKIP LOCKED, so any number of
 * api processes drain side by side), ingests their events as one batch, deletes them. Woken at
 * once by a delivery staged in this process; looks every second for the others'. Ingest is
 * idempotent, so a delivery taken over after a crash is ingested again without duplicates.
 */
@Injectable()
export class WebhookInboxDrainer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookInboxDrainer.name);
  private running: Promise<void> | null = null;
  private stopped = false;
  private wakeRequested = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
    private readonly writer: WebhookInboxWriter,
  ) {
    writer.onStaged(() => this.wake());
  }

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  private wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let claimed: DrainedBatch = { deliveries: 0, events: 0 };
      const started = performance.now();
      try {
        claimed = await this.drainOnce();
      } catch (error) {
        this.logger.warn(`Draining the webhook inbox failed: ${describeError(error)}`);
      }
      if (this.stopped) {
        break;
      }
      const took = performance.now() - started;
      const full = claimed.events >= DRAIN_EVENTS_PER_BATCH;
      if (claimed.deliveries === 0) {
        await this.idle();
      } else if (performance.now() - this.writer.lastStagedAt < INTAKE_BUSY_MS) {
        await delay(Math.max(DRAIN_GATHER_MS, took * (1 / DRAIN_SHARE_UNDER_LOAD - 1)));
      } else if (!full) {
        await delay(DRAIN_GATHER_MS);
      }
    }
  }

  private idle(): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        this.wakeRequested = false;
        done();
      };
    });
  }

  /** Claims, ingests and deletes one batch of deliveries; returns what it claimed. */
  private async drainOnce(): Promise<DrainedBatch> {
    this.wakeRequested = false;
    const claimed = await this.claim();
    const batch = { deliveries: claimed.length, events: claimed.reduce((sum, d) => sum + d.eventCount, 0) };
    if (claimed.length === 0) {
      return batch;
    }
    const readable: Array<{ delivery: ClaimedDelivery; events: NormalizedEvent[] }> = [];
    for (const delivery of claimed) {
      try {
        readable.push({ delivery, events: decodeEvents(delivery.events) });
      } catch (error) {
        await this.fail(delivery, error as Error);
      }
    }
    if (readable.length === 0) {
      return batch;
    }
    try {
      await this.ingest.ingest(readable.flatMap((r) => r.events));
      await this.finish(readable.map((r) => r.delivery.id));
    } catch (error) {
      if (readable.length > 1) {
        this.logger.warn(
          `Ingesting ${readable.length} webhook deliveries together failed (${describeError(error)}); ingesting them one by one`,
        );
      }
      for (const { delivery, events } of readable) {
        try {
          await this.ingest.ingest(events);
          await this.finish([delivery.id]);
        } catch (single) {
          await this.fail(delivery, single as Error);
        }
      }
    }
    return batch;
  }

  /** The oldest unclaimed deliveries, up to DRAIN_EVENTS_PER_BATCH events, leased to this drainer. */
  private async claim(): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, row count].
    const [rows]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `WITH candidate AS (
         SELECT id, event_count FROM webhook_inbox
          WHERE failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
       ), within AS (
         SELECT id FROM (SELECT id, sum(event_count) OVER (ORDER BY id) - event_count AS before FROM candidate) c
          WHERE before < $1
       )
       UPDATE webhook_inbox w SET claimed_until = now() + make_interval(secs => $2), attempts = w.attempts + 1
         FROM within WHERE w.id = within.id
       RETURNING w.id::text AS id, w.event_count AS "eventCount", w.events::text AS events, w.attempts`,
      [DRAIN_EVENTS_PER_BATCH, DRAIN_LEASE_SECONDS],
    );
    // RETURNING follows no order; ingest in arrival order (a message before its edit).
    return rows.sort((a, b) => compareIds(a.id, b.id));
  }

  private async finish(ids: string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM webhook_inbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Released for a later attempt after a growing pause, or set aside after the last one. */
  private async fail(delivery: ClaimedDelivery, error: Error): Promise<void> {
    const setAside = delivery.attempts >= DRAIN_MAX_ATTEMPTS;
    this.logger.error(
      `Webhook delivery ${delivery.id} failed to ingest (attempt ${delivery.attempts}${setAside ? ', set aside' : ''}): ${describeError(error)}`,
    );
    await this.dataSource.query(
      `UPDATE webhook_inbox SET last_error = $2, claimed_until = now() + make_interval(secs => $3), failed_at = CASE WHEN $4 THEN now() END WHERE id = $1`,
      [delivery.id, error.message.slice(0, 2000), 2 ** delivery.attempts, setAside],
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
