import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDuplicatesPublicData1795453487535 implements MigrationInterface {
  name = 'CaseDuplicatesPublicData1795453487535';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "civic_case" ADD "merged_into_case_id" uuid');
    await queryRunner.query('ALTER TABLE "civic_case" ADD "merged_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "case_settings" ADD "public_data" boolean NOT NULL DEFAULT false');
    await queryRunner.query('CREATE INDEX "ix_civic_case_merged_into" ON "civic_case" ("merged_into_case_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_civic_case_merged_into"');
    await queryRunner.query('ALTER TABLE "case_settings" DROP COLUMN "public_data"');
    await queryRunner.query('ALTER TABLE "civic_case" DROP COLUMN "merged_at"');
    await queryRunner.query('ALTER TABLE "civic_case" DROP COLUMN "merged_into_case_id"');
  }
}
