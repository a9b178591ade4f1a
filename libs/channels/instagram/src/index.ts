export * from './instagram.adapter';
export * from './instagram-change.mapper';
export * from './instagram-channel.module';
export * from './instagram.providers';
export * from './instagram-mentions.client';
