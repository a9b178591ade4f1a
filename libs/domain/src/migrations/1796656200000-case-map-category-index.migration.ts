import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case map filtered by category (the rollup knows statuses only): pinned cases of one category by
 * position, status beside them, so the grid over a city reads that category's index entries only.
 */
export class CaseMapCategoryIndex1796656200000 implements MigrationInterface {
  name = 'CaseMapCategoryIndex1796656200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_map_category" ON "civic_case" ("organization_id", "category_id", "latitude", "longitude", "status") WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_civic_case_map_category"`);
  }
}
