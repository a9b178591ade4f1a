export * from './normalized-event';
export * from './channel-errors';
export * from './channel-adapter';
export * from './channel-registry';
export * from './reply-callback-data';
export * from './reply-media-policy';
export * from './reply-buttons';
