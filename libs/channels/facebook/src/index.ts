export * from './facebook.adapter';
export * from './facebook-feed.mapper';
export * from './facebook-channel.module';
export * from './facebook.providers';
