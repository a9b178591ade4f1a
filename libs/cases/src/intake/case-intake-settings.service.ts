import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { DEFAULT_CIMER_ANSWER_WORKING_DAYS } from '@civic/domain';
import { CaseActor } from '../case-actor';

export interface CaseIntakeSettings {
  /** CİMER answer period in working days, counted from the application date. */
  cimerAnswerWorkingDays: number;
}

/** The organization's settings for cases recorded by hand (stored on case_settings). */
@Injectable()
export class CaseIntakeSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseIntakeSettings> {
    const [row] = await manager.query(
      `SELECT cimer_answer_working_days FROM case_settings WHERE organization_id = $1`,
      [organizationId],
    );
    return { cimerAnswerWorkingDays: row?.cimer_answer_working_days ?? DEFAULT_CIMER_ANSWER_WORKING_DAYS };
  }

  async set(actor: CaseActor, change: CaseIntakeSettings): Promise<CaseIntakeSettings> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(actor.organizationId, manager);
      // seeded_at stays null on a new row: the catalog seeding still happens on first use.
      await manager.query(
        `INSERT INTO case_settings (organization_id, cimer_answer_working_days) VALUES ($1, $2)
         ON CONFLICT (organization_id) DO UPDATE SET cimer_answer_working_days = EXCLUDED.cimer_answer_working_days`,
        [actor.organizationId, change.cimerAnswerWorkingDays],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'case_settings.intake',
          targetType: 'organization',
          targetId: actor.organizationId,
          before: { ...before },
          after: { ...change },
        },
        manager,
      );
    });
    return this.get(actor.organizationId);
  }
}
