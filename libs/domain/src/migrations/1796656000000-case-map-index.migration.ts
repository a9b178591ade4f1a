import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case map (issue 27): cases with a location pin by organization and position, status beside them
 * so the server-side grid (count per cell and status) is an index-only scan over the viewport's box.
 */
export class CaseMapIndex1796656000000 implements MigrationInterface {
  name = 'CaseMapIndex1796656000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_map" ON "civic_case" ("organization_id", "latitude", "longitude", "status") WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_civic_case_map"`);
  }
}
