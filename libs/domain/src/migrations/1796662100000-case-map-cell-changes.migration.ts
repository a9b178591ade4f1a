import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rows of a delta (organization_id, latitude, longitude, status, sign) written as pending changes. */
const RECORD = (delta: string) => `
  INSERT INTO case_map_cell_change (organization_id, latitude, longitude, status, sign)
  SELECT organization_id, latitude, longitude, status, sign FROM (${delta}) r
   WHERE latitude IS NOT NULL AND longitude IS NOT NULL`;

/** The first rollup's triggers applied a delta to every level at once (see CaseMapCells1796656100000). */
const APPLY = (delta: string) => `
  INSERT INTO case_map_cell AS c (organization_id, level, cell_x, cell_y, status, cases, latitude_sum, longitude_sum)
  SELECT d.organization_id, l.level, civic_map_cell_x(d.longitude, l.level), civic_map_cell_y(d.latitude, l.level),
         d.status, sum(d.sign)::int, sum(d.sign * d.latitude), sum(d.sign * d.longitude)
    FROM (SELECT organization_id, latitude, longitude, status, sign FROM (${delta}) r
           WHERE latitude IS NOT NULL AND longitude IS NOT NULL) d
   CROSS JOIN generate_series(5, 15) AS l(level)
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (organization_id, level, cell_x, cell_y, status) DO UPDATE
     SET cases = c.cases + EXCLUDED.cases, latitude_sum = c.latitude_sum + EXCLUDED.latitude_sum,
         longitude_sum = c.longitude_sum + EXCLUDED.longitude_sum`;

const UPDATE_DELTA = `SELECT o.organization_id, o.latitude, o.longitude, o.status, -1 AS sign
                        FROM civic_case_map_old o JOIN civic_case_map_new n ON n.id = o.id
                       WHERE (o.latitude, o.longitude, o.status) IS DISTINCT FROM (n.latitude, n.longitude, n.status)
                      UNION ALL
                      SELECT n.organization_id, n.latitude, n.longitude, n.status, 1
                        FROM civic_case_map_old o JOIN civic_case_map_new n ON n.id = o.id
                       WHERE (o.latitude, o.longitude, o.status) IS DISTINCT FROM (n.latitude, n.longitude, n.status)`;

/** The three trigger functions of civic_case, each writing its delta with `write`. */
async function defineTriggers(queryRunner: QueryRunner, write: (delta: string) => string): Promise<void> {
  const deltas: [string, string][] = [
    ['insert', 'SELECT organization_id, latitude, longitude, status, 1 AS sign FROM civic_case_map_new'],
    ['delete', 'SELECT organization_id, latitude, longitude, status, -1 AS sign FROM civic_case_map_old'],
    ['update', UPDATE_DELTA],
  ];
  for (const [event, delta] of deltas) {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION civic_case_map_cells_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${write(delta)};
        RETURN NULL;
      END $$`);
  }
}

/**
 * The case map's rollup without a write hot spot. The triggers upserted the rollup's rows at every
 * level, so every case status change in an organization locked the same coarse rows (level 5: the
 * whole city per status) until commit, and two transactions changing several cases could deadlock
 * on them. Now the triggers only append the change (one row per case, no lock on shared rows); the
 * worker folds the pending changes into case_map_cell every few seconds, and the map reads the
 * rollup plus the pending changes, so it is exact at every moment.
 */
export class CaseMapCellChanges1796662100000 implements MigrationInterface {
  name = 'CaseMapCellChanges1796662100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION civic_map_cell_x(longitude double precision, level integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT floor((longitude + 180) / 360 * (4 << level))::int $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION civic_map_cell_y(latitude double precision, level integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT floor((1 - ln(tan(radians(greatest(-85.05, least(85.05, latitude))))
                          + 1 / cos(radians(greatest(-85.05, least(85.05, latitude))))) / pi()) / 2 * (4 << level))::int $$`);
    await queryRunner.query(
      `CREATE TABLE "case_map_cell_change" ("organization_id" uuid NOT NULL, "id" bigserial NOT NULL,
        "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "status" text NOT NULL,
        "sign" smallint NOT NULL, CONSTRAINT "pk_case_map_cell_change" PRIMARY KEY ("organization_id", "id"))`,
    );
    // A queue: every fold deletes what it read, so vacuum after a thousand dead rows, not a fifth of the table.
    await queryRunner.query(
      `ALTER TABLE "case_map_cell_change" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0)`,
    );
    await defineTriggers(queryRunner, RECORD);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      APPLY('SELECT organization_id, latitude, longitude, status, sign FROM case_map_cell_change'),
    );
    // The restored triggers compute cells with civic_map_cell_x/_y: the functions stay.
    await defineTriggers(queryRunner, APPLY);
    await queryRunner.query(`DROP TABLE "case_map_cell_change"`);
  }
}
