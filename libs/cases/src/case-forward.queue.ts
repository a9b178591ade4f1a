import type { QueueDefinition } from '@civic/queue';

/** Job data of one webhook delivery to an external body: the case_forward row. */
export interface CaseForwardJob {
  forwardId: string;
}

export const CASE_FORWARD_QUEUE: QueueDefinition = {
  name: 'case.forward',
  retryLimit: 6,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 60,
};
