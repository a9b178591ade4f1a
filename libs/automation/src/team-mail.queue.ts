import type { QueueDefinition } from '@civic/queue';

/** One "notify a team" e-mail: the job is its own outbox row, written in the run's transaction. */
export interface TeamMailJob {
  organizationId: string;
  mailId: string;
  to: string[];
  subject: string;
  text: string;
}

export const TEAM_MAIL_QUEUE: QueueDefinition = {
  name: 'automation.team_mail',
  retryLimit: 6,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 60,
};
