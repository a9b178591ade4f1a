export * from './media.store';
export * from './media.downloader';
export * from './media.module';
export * from './media-download.worker';
export * from './media-worker.module';
export * from './media-link.signer';
export * from './media-link.module';
export * from './media-image.deriver';
