import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The officer responsible for a case (beside its department), for "my cases" and the list's assignee filter. */
export class CaseAssignee1796570000000 implements MigrationInterface {
  name = 'CaseAssignee1796570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "assignee_user_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_org_assignee" ON "civic_case" ("organization_id", "assignee_user_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_civic_case_org_assignee"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "assignee_user_id"`);
  }
}
