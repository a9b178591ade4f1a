import { createHash } from 'node:crypto';
import type { QueueDefinition } from '@civic/queue';
import type { AutomationRuleEvent } from './automation-rule-event';

/** One case event for the rules: a job written in the transaction of the change (the outbox). */
export interface CaseRuleEventJob {
  organizationId: string;
  caseId: string;
  event: AutomationRuleEvent;
  /** The firing key: a rule fires at most once per key, however often the job is delivered. */
  eventKey: string;
  /** The status before a status change, else null. */
  from: string | null;
  /** The status the change made (the case may have moved on by the time the job runs); null: read the case's. */
  to: string | null;
  /** 0: an officer, a body or the citizen made it; 1: a rule's action did. */
  depth: number;
}

export const CASE_RULE_EVENT_QUEUE: QueueDefinition = {
  name: 'automation.case_event',
  retryLimit: 8,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 120,
};

/** The job's id from its event key (a UUID shape): the same event sent twice is one job. */
export function caseEventJobId(organizationId: string, eventKey: string): string {
  const h = createHash('sha1').update(`${organizationId}|${eventKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
