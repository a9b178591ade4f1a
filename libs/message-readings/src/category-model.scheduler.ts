import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { describeError, withAdvisoryLock } from '@civic/database';
import { CategoryModelService } from './category-model.service';

/** Retrains every organization's category model each night, and at start where none exists yet. */
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
