import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Readable case numbers (`2026-000123`): the year the case was opened in the organization's time
 * zone and a sequence per organization and year, told to the citizen and searched by number.
 *
 * A counter row per organization and year hands out the sequence (`INSERT .. ON CONFLICT DO
 * UPDATE` takes the row lock, so concurrent openings wait for each other and a rolled-back opening
 * leaves no gap). A trigger assigns the number to any insert that brings none, so every writer of
 * civic_case (case opening, manual intake, tests) gets one without knowing of it; a bulk writer
 * (the demo history) brings its own numbers and moves the counters itself.
 *
 * `number` stays: the per-organization running number that orders cases internally; it is no
 * longer shown to anyone.
 */
export class ReadableCaseNumbers1796640000000 implements MigrationInterface {
  name = 'ReadableCaseNumbers1796640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION case_number_format(p_year int, p_sequence int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT p_year::text || '-' || CASE WHEN p_sequence < 1000000 THEN lpad(p_sequence::text, 6, '0') ELSE p_sequence::text END
       $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_number_sequence" (
         "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
         "year" int NOT NULL,
         "last_value" int NOT NULL,
         CONSTRAINT "PK_case_number_sequence" PRIMARY KEY ("organization_id", "year")
       )`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "case_number" text`);
    await queryRunner.query(
      `WITH numbered AS (
         SELECT k.id, y.year,
                row_number() OVER (PARTITION BY k.organization_id, y.year ORDER BY k.number, k.created_at, k.id)::int AS sequence
           FROM civic_case k
           JOIN organization o ON o.id = k.organization_id
           CROSS JOIN LATERAL (SELECT extract(year FROM k.created_at AT TIME ZONE o.time_zone)::int AS year) y
       )
       UPDATE civic_case k SET case_number = case_number_format(n.year, n.sequence) FROM numbered n WHERE n.id = k.id`,
    );
    await queryRunner.query(
      `INSERT INTO case_number_sequence (organization_id, year, last_value)
       SELECT organization_id, split_part(case_number, '-', 1)::int, max(split_part(case_number, '-', 2)::int)
         FROM civic_case GROUP BY 1, 2`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "case_number" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_civic_case_case_number" ON "civic_case" ("organization_id", "case_number") `,
    );
    await queryRunner.query(
      `CREATE FUNCTION civic_case_assign_number() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         y int;
         s int;
       BEGIN
         SELECT extract(year FROM NEW.created_at AT TIME ZONE o.time_zone)::int INTO y
           FROM organization o WHERE o.id = NEW.organization_id;
         INSERT INTO case_number_sequence AS q (organization_id, year, last_value) VALUES (NEW.organization_id, y, 1)
           ON CONFLICT (organization_id, year) DO UPDATE SET last_value = q.last_value + 1
           RETURNING q.last_value INTO s;
         NEW.case_number := case_number_format(y, s);
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER civic_case_assign_number BEFORE INSERT ON civic_case
         FOR EACH ROW WHEN (NEW.case_number IS NULL) EXECUTE FUNCTION civic_case_assign_number()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER civic_case_assign_number ON civic_case`);
    await queryRunner.query(`DROP FUNCTION civic_case_assign_number()`);
    await queryRunner.query(`DROP INDEX "uq_civic_case_case_number"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "case_number"`);
    await queryRunner.query(`DROP TABLE "case_number_sequence"`);
    await queryRunner.query(`DROP FUNCTION case_number_format(int, int)`);
  }
}
