export * from './conversation-action';
export * from './conversation-action-runner';
export * from './team-assigner';
