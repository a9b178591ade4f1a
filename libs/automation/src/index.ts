export * from './conversation-action';
export * from './conversation-action-runner';
export * from './team-assigner';
export * from './team-directory';
export * from './action-reason';
export * from './conversation-action.dto';
export * from './automation.module';
export * from './automation-worker.module';
