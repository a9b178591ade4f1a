import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { INGEST_METRICS } from '@civic/ingest';
import { DatabaseGaugesCollector } from './database-gauges.collector';
import { IngestMetricsRecorder } from './ingest-metrics.recorder';

/**
 * One Prometheus registry per application (not prom-client's global one, so several apps in one
 * process, as in the tests, keep separate counts). Global so IngestService finds INGEST_METRICS.
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
    DatabaseGaugesCollector,
  ],
  exports: [Registry, INGEST_METRICS, IngestMetricsRecorder],
})
export class MetricsModule {}
