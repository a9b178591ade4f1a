import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { describeError, withAdvisoryLock } from '@civic/database';
import { CategoryModelService } from './category-model.service';

/** How often the worker looks for organizations whose categorized cases have grown enough to retrain before the night. */
export const CATEGORY_MODEL_GROWTH_CHECK_MS = 5 * 60_000;

/**
 * Retrains every organization's category model each night, at start where none exists yet, and
 * whenever its categorized cases have grown by half since the last training (a first month of
 * cases, an imported history, the demo's 90 days) rather than leaving it on keywords until night.
 */
@Injectable()
export class CategoryModelScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(CategoryModelScheduler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: CategoryModelService,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: the first training must not hold the worker's start.
    void this.trainAll(true);
  }

  @Cron('0 3 * * *', { timeZone: 'Europe/Istanbul' })
  async nightly(): Promise<void> {
    await this.trainAll(false);
  }

  @Interval('category-model-growth', CATEGORY_MODEL_GROWTH_CHECK_MS)
  async retrainGrown(): Promise<void> {
    try {
      await withAdvisoryLock(this.dataSource, 'category-model', 'training', async () => {
        const grown: { id: string }[] = await this.dataSource.query(
          `SELECT k.organization_id AS id FROM civic_case k
             LEFT JOIN category_model m ON m.organization_id = k.organization_id
            WHERE k.category_id IS NOT NULL
            GROUP BY k.organization_id, m.cases_seen
           HAVING count(*) >= 10 AND count(*) >= 1.5 * coalesce(m.cases_seen, 0)`,
        );
        for (const { id } of grown) {
          await this.models.train(id);
        }
      });
    } catch (error) {
      this.logger.warn(`Category model retraining: ${describeError(error)}`);
    }
  }

  async trainAll(missingOnly: boolean): Promise<void> {
    try {
      await withAdvisoryLock(this.dataSource, 'category-model', 'training', async () => {
        const organizations: { id: string }[] = await this.dataSource.query(
          `SELECT o.id FROM organization o
            WHERE NOT $1 OR NOT EXISTS (SELECT 1 FROM category_model m WHERE m.organization_id = o.id) ORDER BY o.id`,
          [missingOnly],
        );
        for (const { id } of organizations) {
          await this.models.train(id);
        }
      });
    } catch (error) {
      this.logger.warn(`Category model training: ${describeError(error)}`);
    }
  }
}
