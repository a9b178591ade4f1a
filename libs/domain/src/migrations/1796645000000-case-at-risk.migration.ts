import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moment a case becomes "at risk" (75 % of the time to its due date gone): set with due_at by
 * CaseDueDatesService, backfilled here on the clock for existing cases. The partial index serves
 * "open cases at risk since …" scans (SLA-at-risk rules, the at-risk filter).
 */
export class CaseAtRisk1796645000000 implements MigrationInterface {
  name = 'CaseAtRisk1796645000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "at_risk_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "civic_case" SET "at_risk_at" = "created_at" + greatest("due_at" - "created_at", interval '0') * 0.75`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "at_risk_at" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_open_at_risk" ON "civic_case" ("organization_id", "at_risk_at") WHERE "status" IN ('new', 'assigned', 'in_progress', 'forwarded')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_civic_case_open_at_risk"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "at_risk_at"`);
  }
}
