import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueService } from '@civic/queue';
import { CaseNeighbourhoodAssigner } from './case-neighbourhood.assigner';
import {
  NEIGHBOURHOOD_RECOMPUTE_BATCH,
  NEIGHBOURHOOD_RECOMPUTE_QUEUE,
  NeighbourhoodRecomputeJob,
} from './neighbourhood-recompute.queue';

/**
 * After a new upload, gives existing cases their neighbourhood from the new boundaries, in batches,
 * in the background (worker process). A job whose version is no longer the active one stops: the
 * newer upload's job does the work. When done, the version's recomputed_at is set.
 */
@Injectable()
export class NeighbourhoodRecomputeWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(NeighbourhoodRecomputeWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly assigner: CaseNeighbourhoodAssigner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<NeighbourhoodRecomputeJob>(
      NEIGHBOURHOOD_RECOMPUTE_QUEUE,
      { pollingIntervalSeconds: 1 },
      async (job) => {
        await this.recompute(job.data);
      },
    );
  }

  async recompute({ organizationId, setId }: NeighbourhoodRecomputeJob): Promise<void> {
    let afterId: string | null = null;
    let changed = 0;
    do {
      if (!(await this.stillActive(organizationId, setId))) {
        return;
      }
      const batch = await this.assigner.recomputeBatch(organizationId, afterId, NEIGHBOURHOOD_RECOMPUTE_BATCH);
      changed += batch.changed;
      afterId = batch.lastId;
    } while (afterId);
    await this.dataSource.query(
      `UPDATE neighbourhood_boundary_set SET recomputed_at = now() WHERE organization_id = $1 AND id = $2 AND active`,
      [organizationId, setId],
    );
    this.logger.log(`neighbourhoods recomputed for organization ${organizationId}: ${changed} cases changed`);
  }

  private async stillActive(organizationId: string, setId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM neighbourhood_boundary_set WHERE organization_id = $1 AND id = $2 AND active`,
      [organizationId, setId],
    );
    return !!row;
  }
}
