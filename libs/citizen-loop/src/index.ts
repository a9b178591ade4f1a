export * from './citizen-notice-kind';
export * from './citizen-notice-request';
export * from './citizen-inbound-handler';
export * from './citizen-inbound-handler.registry';
export * from './citizen-notices';
