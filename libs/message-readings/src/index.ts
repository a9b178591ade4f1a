export * from './category-model.service';
export * from './message-reading.buffer';
export * from './message-readings.module';
export * from './message-readings-worker.module';
export * from './message-readings.provider';
export * from './reading-settings.service';
export * from './message-reading.handler';
export * from './category-model.scheduler';
