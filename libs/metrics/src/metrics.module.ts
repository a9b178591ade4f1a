import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { INGEST_METRICS } from '@civic/ingest';
import { IngestMetricsRecorder } from './ingest-metrics.recorder';

/**
 * One Prometheus registry per application (not prom-client's global one, so several apps in one
 * process, as in the tests, keep separate counts) and the ingest counters. Global so IngestService
 * finds INGEST_METRICS. The database gauges are the api's (DatabaseGaugesCollector): every replica
 * reads the same tables, so a worker serving them too would only count them twice.
 */
@Global()
@Module({
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        // Standard names (process_*, nodejs_*) so stock Node.js dashboards work.
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    IngestMetricsRecorder,
    { provide: INGEST_METRICS, useExisting: IngestMetricsRecorder },
  ],
  exports: [Registry, INGEST_METRICS, IngestMetricsRecorder],
})
export class MetricsModule {}
