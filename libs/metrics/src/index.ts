export * from './metrics.module';
export * from './ingest-metrics.recorder';
export * from './database-gauges.collector';
