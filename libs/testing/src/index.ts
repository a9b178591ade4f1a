export * from './test-database';
export * from './fake-twitter';
export * from './fake-graph';
export * from './phone-photo';
