export * from './auth-cli-command';
export * from './cli-flags';
export * from './user-create.command';
export * from './secrets-rotate.command';
