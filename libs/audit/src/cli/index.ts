export * from './cli-command';
export * from './audit-verify.command';
export * from './export-verify.command';
