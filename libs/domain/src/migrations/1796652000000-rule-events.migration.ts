import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automation rules on case and SLA events (issue 26): the contacts' tags (a rule condition, set by
 * officers), and the SLA scanner's record of each case's crossing of its at-risk time or due date,
 * so each crossing is one event however often the scanner runs (a new due date is a new crossing).
 */
export class RuleEvents1796652000000 implements MigrationInterface {
  name = 'RuleEvents1796652000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contact" ADD "tags" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE INDEX "ix_contact_tags" ON "contact" USING gin ("tags") WHERE "tags" <> '{}'::text[]`,
    );
    await queryRunner.query(
      `CREATE TABLE "automation_sla_signal" ("organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL,
        "crossed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signalled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_automation_sla_signal" PRIMARY KEY ("organization_id", "case_id", "kind", "crossed_at"),
        CONSTRAINT "ck_automation_sla_signal_kind" CHECK ("kind" IN ('at_risk', 'breached')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_open_due" ON "civic_case" ("due_at") WHERE "status" IN ('new', 'assigned', 'in_progress', 'forwarded')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_open_at_risk_time" ON "civic_case" ("at_risk_at") WHERE "status" IN ('new', 'assigned', 'in_progress', 'forwarded')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_civic_case_open_at_risk_time"`);
    await queryRunner.query(`DROP INDEX "ix_civic_case_open_due"`);
    await queryRunner.query(`DROP TABLE "automation_sla_signal"`);
    await queryRunner.query(`DROP INDEX "ix_contact_tags"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "tags"`);
  }
}
