export * from './polling.service';
export * from './polling.scheduler';
export * from './polling.module';
