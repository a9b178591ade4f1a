export * from './ingest-report';
export * from './ingest-metrics';
export * from './event-validator';
export * from './ingest.service';
export * from './ingest-batcher.service';
export * from './ingest.module';
export * from './live-events';
