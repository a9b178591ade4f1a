export * from './reply-request';
export * from './reply-send.queue';
export * from './outbound-reply.builder';
export * from './reply.service';
export * from './reply.dispatcher';
export * from './reply.worker';
export * from './replies.module';
export * from './replies-worker.module';
