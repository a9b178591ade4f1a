import type { QueueDefinition } from '@civic/queue';

/** One new mention for the rules: a job written in the transaction of the mention's insert (the outbox). */
export interface MentionRuleEventJob {
  organizationId: string;
  mentionId: string;
  /** `mention:<id>`: a rule fires at most once per key, however often the job is delivered. */
  eventKey: string;
}

export const MENTION_RULE_EVENT_QUEUE: QueueDefinition = {
  name: 'automation.mention_event',
  retryLimit: 8,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 120,
};
