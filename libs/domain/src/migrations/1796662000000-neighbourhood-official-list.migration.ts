import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official list of the district's neighbourhoods (issue 27): a boundary version can name the
 * district (province code and district) whose official neighbourhood names join its uploaded
 * polygons. A name without an uploaded polygon is a neighbourhood row without geometry: texts that
 * name it match it, pins never do. A version made from the list alone has no name property.
 */
export class NeighbourhoodOfficialList1796662000000 implements MigrationInterface {
  name = 'NeighbourhoodOfficialList1796662000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "neighbourhood_boundary_set" ADD "official_city_code" text, ADD "official_district" text,
        ADD "official_count" integer NOT NULL DEFAULT 0, ALTER COLUMN "name_property" DROP NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "neighbourhood" ALTER COLUMN "geometry" DROP NOT NULL, ALTER COLUMN "min_longitude" DROP NOT NULL,
        ALTER COLUMN "min_latitude" DROP NOT NULL, ALTER COLUMN "max_longitude" DROP NOT NULL,
        ALTER COLUMN "max_latitude" DROP NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "neighbourhood" WHERE "geometry" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "neighbourhood" ALTER COLUMN "geometry" SET NOT NULL, ALTER COLUMN "min_longitude" SET NOT NULL,
        ALTER COLUMN "min_latitude" SET NOT NULL, ALTER COLUMN "max_longitude" SET NOT NULL,
        ALTER COLUMN "max_latitude" SET NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "neighbourhood_boundary_set" SET "name_property" = '' WHERE "name_property" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "neighbourhood_boundary_set" DROP COLUMN "official_city_code", DROP COLUMN "official_district",
        DROP COLUMN "official_count", ALTER COLUMN "name_property" SET NOT NULL`,
    );
  }
}
