import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many categorized cases the organization had when its category model was trained, so the
 * worker retrains once they have grown by half (a first month, an imported history, the demo)
 * instead of waiting for the night.
 */
export class CategoryModelCasesSeen1796662200000 implements MigrationInterface {
  name = 'CategoryModelCasesSeen1796662200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "category_model" ADD "cases_seen" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "category_model" DROP COLUMN "cases_seen"`);
  }
}
