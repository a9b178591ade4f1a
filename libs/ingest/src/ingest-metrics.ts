import type { NormalizedEvent } from '@civic/channels-core';
import type { IngestReport } from './ingest-report';

/**
 * Optional observer of ingest batches (Prometheus counters in the api). Called once per batch,
 * after the batch is stored, so the hot path pays one call and no await.
 */
export interface IngestMetrics {
  /** `report.results[i]` is the outcome of `events[i]`. */
  record(events: readonly NormalizedEvent[], report: IngestReport): void;
}

/** Nest token under which a module may provide an IngestMetrics. */
export const INGEST_METRICS = Symbol('INGEST_METRICS');
