export * from './embedded-postgres';
export * from './database-url';
export * from './data-source-options';
export * from './schema-drift';
export * from './database-connection';
export * from './database.module';
export * from './advisory-lock';
export * from './shared-session';
