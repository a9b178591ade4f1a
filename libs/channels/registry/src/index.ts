export * from './channels.module';
export * from './account-context.service';
