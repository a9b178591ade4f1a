import type { QueueDefinition } from '@civic/queue';

/** Job data: give every case of the organization its neighbourhood from this boundary version. */
export interface NeighbourhoodRecomputeJob {
  organizationId: string;
  setId: string;
}

export const NEIGHBOURHOOD_RECOMPUTE_QUEUE: QueueDefinition = {
  name: 'neighbourhood.recompute',
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
};

/** Cases updated per transaction: short locks, a restart resumes from scratch at little cost. */
export const NEIGHBOURHOOD_RECOMPUTE_BATCH = 500;
