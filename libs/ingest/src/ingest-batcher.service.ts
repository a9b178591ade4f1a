import { Injectable, Logger } from '@nestjs/common';
import { NormalizedEvent } from '@civic/channels-core';
import { countOutcomes, IngestReport } from './ingest-report';
import { IngestService } from './ingest.service';

/** Batches written at once; more deliveries wait and are merged into the next batch. */
export const MAX_BATCHES_IN_FLIGHT = 2;
/** A merged batch stops growing here, so one slow batch never holds thousands of deliveries. */
export const MAX_EVENTS_PER_BATCH = 500;

interface Delivery {
  events: NormalizedEvent[];
  resolve: (report: IngestReport) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for webhook deliveries. Meta and 360dialog send one event per request, and under
 * load a request each costing its own round trips and commit is what limits intake. Deliveries
 * that arrive while batches are being written wait and are then written together as one batch;
 * each caller still gets the report of its own events, and answers only after they are stored.
 * A quiet system writes each delivery at once, so latency does not grow when there is no load.
 */
@Injectable()
export class IngestBatcher {
  private readonly logger = new Logger(IngestBatcher.name);
  private readonly waiting: Delivery[] = [];
  private inFlight = 0;

  constructor(private readonly ingest: IngestService) {}

  submit(events: NormalizedEvent[]): Promise<IngestReport> {
    return new Promise<IngestReport>((resolve, reject) => {
      this.waiting.push({ events, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < MAX_BATCHES_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      this.write(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  /** Whole deliveries, oldest first, up to the event limit (a larger delivery goes alone). */
  private takeBatch(): Delivery[] {
    const batch = [this.waiting.shift()!];
    let size = batch[0].events.length;
    while (this.waiting.length > 0 && size + this.waiting[0].events.length <= MAX_EVENTS_PER_BATCH) {
      const next = this.waiting.shift()!;
      size += next.events.length;
      batch.push(next);
    }
    return batch;
  }

  private async write(batch: Delivery[]): Promise<void> {
    if (batch.length === 1) {
      await this.ingest.ingest(batch[0].events).then(batch[0].resolve, batch[0].reject);
      return;
    }
    try {
      const report = await this.ingest.ingest(batch.flatMap((d) => d.events));
      let offset = 0;
      for (const delivery of batch) {
        delivery.resolve(sliceReport(report, offset, delivery.events.length));
        offset += delivery.events.length;
      }
    } catch (error) {
      // One delivery must not fail the others it was merged with: write each on its own.
      this.logger.warn(`A merged ingest batch of ${batch.length} deliveries failed (${(error as Error).message}); writing them one by one`);
      for (const delivery of batch) await this.ingest.ingest(delivery.events).then(delivery.resolve, delivery.reject);
    }
  }
}

/** The part of a merged batch's report that belongs to the events [offset, offset + length). */
export function sliceReport(report: IngestReport, offset: number, length: number): IngestReport {
  const results = report.results.slice(offset, offset + length);
  const conversationIds = new Set(results.map((r) => r.conversationId));
  const messageIds = new Set(results.map((r) => r.messageId));
  const touched = report.touched
    .map((t) => ({
      organizationId: t.organizationId,
      conversationIds: t.conversationIds.filter((id) => conversationIds.has(id)),
      newMessageIds: t.newMessageIds.filter((id) => messageIds.has(id)),
    }))
    .filter((t) => t.conversationIds.length > 0 || t.newMessageIds.length > 0);
  return { results, ...countOutcomes(results), touched };
}
