export * from './message-sql';
export * from './message-store.types';
export * from './message.store';
export * from './message-dispatch.store';
export * from './messages.module';
