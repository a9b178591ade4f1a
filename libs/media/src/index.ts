export * from './media.store';
export * from './media.downloader';
export * from './media.module';
export * from './media-download.worker';
export * from './media-worker.module';
