import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { CategoryModelService } from './category-model.service';
import type { CategoryModelStatus } from './category-model.service';

export interface ReadingSettingsView {
  /** Below this confidence a suggested category is only shown, never applied (0..1). */
  suggestionThreshold: number;
  categoryModel: CategoryModelStatus;
}

/** The administrator's view of the readings: the suggestion threshold and how well the classifier does. */
@Injectable()
export class ReadingSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: CategoryModelService,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<ReadingSettingsView> {
    return {
      suggestionThreshold: await this.threshold(organizationId),
      categoryModel: await this.models.status(organizationId),
    };
  }

  async threshold(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query(`SELECT suggestion_threshold FROM reading_settings WHERE organization_id = $1`, [
      organizationId,
    ]);
    return row?.suggestion_threshold ?? 0.8;
  }

  async update(
    actor: { organizationId: string; userId: string },
    suggestionThreshold: number,
  ): Promise<ReadingSettingsView> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.threshold(actor.organizationId, manager);
      await manager.query(
        `INSERT INTO reading_settings (organization_id, suggestion_threshold) VALUES ($1, $2)
         ON CONFLICT (organization_id) DO UPDATE SET suggestion_threshold = EXCLUDED.suggestion_threshold`,
        [actor.organizationId, suggestionThreshold],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          action: 'readings.settings_updated',
          targetType: 'organization',
          targetId: actor.organizationId,
          before: { suggestionThreshold: before },
          after: { suggestionThreshold },
        },
        manager,
      );
    });
    return this.get(actor.organizationId);
  }
}
