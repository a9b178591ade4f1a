export * from './metrics.module';
export * from './ingest-metrics.recorder';
export * from './database-gauges.collector';
export * from './metrics-token';
