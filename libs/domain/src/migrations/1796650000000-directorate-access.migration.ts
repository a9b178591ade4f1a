import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directorate (müdürlük) access (issue 26): a directorate user belongs to one department and works
 * only that department's cases. A department may let its directorate send a resolution itself;
 * otherwise the directorate proposes one (stored on the case) that an officer sends.
 */
export class DirectorateAccess1796650000000 implements MigrationInterface {
  name = 'DirectorateAccess1796650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "department_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_department" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "ix_app_user_department" ON "app_user" ("department_id") `);
    await queryRunner.query(`ALTER TABLE "department" ADD "directorate_may_resolve" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "proposed_resolution_text" text`);
    // Like the assignee, no foreign key: the label keeps the proposer's name after the user is gone.
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "proposed_resolution_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "proposed_resolution_by_label" text`);
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "proposed_resolution_at" TIMESTAMP WITH TIME ZONE`);
    // The directorate's queue: open cases of one department, newest first.
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_department_created" ON "civic_case" ("organization_id", "department_id", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_civic_case_department_created"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "proposed_resolution_at"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "proposed_resolution_by_label"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "proposed_resolution_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "proposed_resolution_text"`);
    await queryRunner.query(`ALTER TABLE "department" DROP COLUMN "directorate_may_resolve"`);
    await queryRunner.query(`DROP INDEX "public"."ix_app_user_department"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_department"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "department_id"`);
  }
}
