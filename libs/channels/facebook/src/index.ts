export * from './facebook.adapter';
export * from './facebook-feed.mapper';
export * from './facebook-channel.module';
export * from './facebook.providers';
export * from './facebook-mention.mapper';
export * from './facebook-mentions.client';
