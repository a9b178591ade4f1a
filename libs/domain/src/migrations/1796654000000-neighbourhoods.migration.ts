import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Neighbourhoods (issue 27): versions of an organization's uploaded boundaries (one active), the
 * neighbourhoods of each version (GeoJSON geometry, bounding box, Turkish-folded name), and the
 * neighbourhood of a case (from its location pin, else from its text).
 */
export class Neighbourhoods1796654000000 implements MigrationInterface {
  name = 'Neighbourhoods1796654000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "neighbourhood_boundary_set" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "version" integer NOT NULL, "name_property" text NOT NULL, "file_name" text, "feature_count" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT false, "uploaded_by_user_id" uuid, "uploaded_by_label" text,
        "recomputed_at" TIMESTAMP WITH TIME ZONE, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_neighbourhood_boundary_set" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_neighbourhood_boundary_set_version" ON "neighbourhood_boundary_set" ("organization_id", "version") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_neighbourhood_boundary_set_active" ON "neighbourhood_boundary_set" ("organization_id") WHERE "active"`,
    );
    await queryRunner.query(
      `CREATE TABLE "neighbourhood" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "set_id" uuid NOT NULL, "name" text NOT NULL, "folded_name" text NOT NULL, "geometry" jsonb NOT NULL,
        "min_longitude" double precision NOT NULL, "min_latitude" double precision NOT NULL,
        "max_longitude" double precision NOT NULL, "max_latitude" double precision NOT NULL,
        CONSTRAINT "pk_neighbourhood" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_neighbourhood_set_name" ON "neighbourhood" ("organization_id", "set_id", "folded_name") `,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "neighbourhood_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "ix_civic_case_neighbourhood" ON "civic_case" ("organization_id", "neighbourhood_id", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_civic_case_neighbourhood"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "neighbourhood_id"`);
    await queryRunner.query(`DROP TABLE "neighbourhood"`);
    await queryRunner.query(`DROP TABLE "neighbourhood_boundary_set"`);
  }
}
