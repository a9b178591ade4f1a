export * from './media.store';
export * from './media.downloader';
export * from './media.module';
