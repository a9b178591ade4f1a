export * from './mail.service';
export * from './mail-retryable.error';
export * from './mail.module';
