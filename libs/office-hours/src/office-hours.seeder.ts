import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_WEEKLY_HOURS, officialTurkishHolidays } from '@civic/domain';

/**
 * Gives an organization the default weekly hours and the official holidays on first use (the
 * migration did it for organizations that existed then). The `office_hours` row marks it done, so
 * an official holiday an administrator deletes never comes back.
 */
@Injectable()
export class OfficeHoursSeeder {
  private readonly seeded = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  async ensureSeeded(organizationId: string, callerManager?: EntityManager): Promise<void> {
    if (this.seeded.has(organizationId)) {
      return;
    }
    const run = async (manager: EntityManager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO office_hours (organization_id, time_zone, weekly)
         SELECT id, time_zone, $2::jsonb FROM organization WHERE id = $1
         ON CONFLICT (organization_id) DO NOTHING RETURNING organization_id`,
        [organizationId, JSON.stringify(DEFAULT_WEEKLY_HOURS)],
      );
      if (inserted.length === 0) {
        return;
      }
      await manager.query(
        `INSERT INTO public_holiday (organization_id, date, name_tr, name_en, kind, half_day, closes_at, source)
         SELECT $1, h.date, h."nameTr", h."nameEn", h.kind, h."halfDay", h."closesAt", 'official'
           FROM jsonb_to_recordset($2::jsonb)
             AS h(date date, "nameTr" text, "nameEn" text, kind text, "halfDay" boolean, "closesAt" text)`,
        [organizationId, JSON.stringify(officialTurkishHolidays())],
      );
    };
    if (callerManager?.queryRunner?.isTransactionActive) {
      await run(callerManager);
    } else {
      await this.dataSource.transaction(run);
    }
    this.seeded.add(organizationId);
  }
}
