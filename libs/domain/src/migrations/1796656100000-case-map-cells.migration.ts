import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Levels of the rollup: a cell is 64 screen pixels (a quarter of a 256-pixel tile) at that zoom. */
const LEVELS = 'generate_series(5, 15)';

/** Adds the signed rows of `delta` (organization_id, latitude, longitude, status, sign) to every level. */
const APPLY = (delta: string) => `
  INSERT INTO case_map_cell AS c (organization_id, level, cell_x, cell_y, status, cases, latitude_sum, longitude_sum)
  SELECT d.organization_id, l.level,
         floor((d.longitude + 180) / 360 * (4 << l.level))::int,
         floor((1 - ln(tan(radians(d.lat)) + 1 / cos(radians(d.lat))) / pi()) / 2 * (4 << l.level))::int,
         d.status, sum(d.sign)::int, sum(d.sign * d.latitude), sum(d.sign * d.longitude)
    FROM (SELECT organization_id, latitude, longitude, status, sign, greatest(-85.05, least(85.05, latitude)) AS lat
            FROM (${delta}) r WHERE latitude IS NOT NULL AND longitude IS NOT NULL) d
   CROSS JOIN ${LEVELS} AS l(level)
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (organization_id, level, cell_x, cell_y, status) DO UPDATE
     SET cases = c.cases + EXCLUDED.cases, latitude_sum = c.latitude_sum + EXCLUDED.latitude_sum,
         longitude_sum = c.longitude_sum + EXCLUDED.longitude_sum`;

/**
 * The case map's rollup (issue 27): pinned cases per grid cell, level and status, so the city-wide map
 * (tens of thousands of cases in the box) reads a few hundred rows. Statement triggers with transition
 * tables keep it: inserts and deletes, and updates only of cases that moved or changed status. Rows are
 * upserted in key order, so concurrent writers take their locks in the same order.
 */
export class CaseMapCells1796656100000 implements MigrationInterface {
  name = 'CaseMapCells1796656100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_map_cell" ("organization_id" uuid NOT NULL, "level" smallint NOT NULL, "cell_x" integer NOT NULL,
        "cell_y" integer NOT NULL, "status" text NOT NULL, "cases" integer NOT NULL DEFAULT 0,
        "latitude_sum" double precision NOT NULL DEFAULT 0, "longitude_sum" double precision NOT NULL DEFAULT 0,
        CONSTRAINT "pk_case_map_cell" PRIMARY KEY ("organization_id", "level", "cell_x", "cell_y", "status"))`,
    );
    await queryRunner.query(`CREATE FUNCTION civic_case_map_cells_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${APPLY('SELECT organization_id, latitude, longitude, status, 1 AS sign FROM civic_case_map_new')};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION civic_case_map_cells_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${APPLY('SELECT organization_id, latitude, longitude, status, -1 AS sign FROM civic_case_map_old')};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION civic_case_map_cells_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${APPLY(`SELECT o.organization_id, o.latitude, o.longitude, o.status, -1 AS sign
                   FROM civic_case_map_old o JOIN civic_case_map_new n ON n.id = o.id
                  WHERE (o.latitude, o.longitude, o.status) IS DISTINCT FROM (n.latitude, n.longitude, n.status)
                 UNION ALL
                 SELECT n.organization_id, n.latitude, n.longitude, n.status, 1
                   FROM civic_case_map_old o JOIN civic_case_map_new n ON n.id = o.id
                  WHERE (o.latitude, o.longitude, o.status) IS DISTINCT FROM (n.latitude, n.longitude, n.status)`)};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER civic_case_map_cells_insert AFTER INSERT ON civic_case
      REFERENCING NEW TABLE AS civic_case_map_new FOR EACH STATEMENT EXECUTE FUNCTION civic_case_map_cells_insert()`);
    await queryRunner.query(`CREATE TRIGGER civic_case_map_cells_delete AFTER DELETE ON civic_case
      REFERENCING OLD TABLE AS civic_case_map_old FOR EACH STATEMENT EXECUTE FUNCTION civic_case_map_cells_delete()`);
    await queryRunner.query(`CREATE TRIGGER civic_case_map_cells_update AFTER UPDATE ON civic_case
      REFERENCING OLD TABLE AS civic_case_map_old NEW TABLE AS civic_case_map_new
      FOR EACH STATEMENT EXECUTE FUNCTION civic_case_map_cells_update()`);
    // The cases already pinned.
    await queryRunner.query(APPLY('SELECT organization_id, latitude, longitude, status, 1 AS sign FROM civic_case'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER civic_case_map_cells_update ON civic_case`);
    await queryRunner.query(`DROP TRIGGER civic_case_map_cells_delete ON civic_case`);
    await queryRunner.query(`DROP TRIGGER civic_case_map_cells_insert ON civic_case`);
    await queryRunner.query(`DROP FUNCTION civic_case_map_cells_update()`);
    await queryRunner.query(`DROP FUNCTION civic_case_map_cells_delete()`);
    await queryRunner.query(`DROP FUNCTION civic_case_map_cells_insert()`);
    await queryRunner.query(`DROP TABLE "case_map_cell"`);
  }
}
