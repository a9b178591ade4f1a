export * from './queue.service';
export * from './queue.module';
export * from './keyed-concurrency.limiter';
export * from './worker-lease';
export * from './transaction-db';
