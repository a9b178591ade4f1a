export * from './conversation-action';
export * from './conversation-action-runner';
export * from './team-assigner';
export * from './team-directory';
// Mention rules (libs/automation-rules) queue their team e-mails here too.
export * from './team-mail.queue';
export * from './action-reason';
export * from './conversation-action.dto';
export * from './automation.module';
export * from './automation-worker.module';
export * from './macros.service';
export * from './team-webhook.queue';
export * from './team-webhook.worker';
export * from './team-mail.texts';
