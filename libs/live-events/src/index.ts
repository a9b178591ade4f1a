export * from './live-event';
export * from './publish-live-event';
export * from './live-events.hub';
export * from './live-events.publisher';
export * from './live-events.module';
