import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_WEEKLY_HOURS, officialTurkishHolidays } from '../calendar/turkish-public-holidays';

/**
 * Office hours and public holidays per organization (OfficeCalendarService), and the working-hours
 * switch of a category's SLA. Existing organizations get the default weekly hours and the official
 * calendar here; organizations created later get them on first use. A row in `office_hours` means the
 * organization was seeded: deleting an official holiday never brings it back.
 */
export class OfficeHours1796642000000 implements MigrationInterface {
  name = 'OfficeHours1796642000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "office_hours" (
         "organization_id" uuid PRIMARY KEY REFERENCES "organization"("id") ON DELETE CASCADE,
         "time_zone" text NOT NULL DEFAULT 'Europe/Istanbul',
         "weekly" jsonb NOT NULL,
         "out_of_hours_off_account_ids" uuid[] NOT NULL DEFAULT '{}',
         "updated_by_user_id" uuid,
         "updated_at" timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE "public_holiday" (
         "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "date" date NOT NULL,
         "name_tr" text NOT NULL,
         "name_en" text NOT NULL,
         "kind" text NOT NULL CHECK ("kind" IN ('national', 'religious')),
         "half_day" boolean NOT NULL DEFAULT false,
         "closes_at" text CHECK ("closes_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
         "source" text NOT NULL CHECK ("source" IN ('official', 'custom')),
         "created_at" timestamptz NOT NULL DEFAULT now(),
         "updated_at" timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY ("organization_id", "id"),
         CHECK (NOT "half_day" OR "closes_at" IS NOT NULL)
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_public_holiday_org_date" ON "public_holiday" ("organization_id", "date")`,
    );
    await queryRunner.query(`ALTER TABLE "case_category" ADD "sla_working_hours" boolean NOT NULL DEFAULT false`);

    await queryRunner.query(
      `INSERT INTO "office_hours" ("organization_id", "time_zone", "weekly")
       SELECT "id", "time_zone", $1::jsonb FROM "organization"`,
      [JSON.stringify(DEFAULT_WEEKLY_HOURS)],
    );
    await queryRunner.query(
      `INSERT INTO "public_holiday" ("organization_id", "date", "name_tr", "name_en", "kind", "half_day", "closes_at", "source")
       SELECT o."id", h."date", h."nameTr", h."nameEn", h."kind", h."halfDay", h."closesAt", 'official'
         FROM "organization" o
        CROSS JOIN jsonb_to_recordset($1::jsonb)
              AS h("date" date, "nameTr" text, "nameEn" text, "kind" text, "halfDay" boolean, "closesAt" text)`,
      [JSON.stringify(officialTurkishHolidays())],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_category" DROP COLUMN "sla_working_hours"`);
    await queryRunner.query(`DROP TABLE "public_holiday"`);
    await queryRunner.query(`DROP TABLE "office_hours"`);
  }
}
