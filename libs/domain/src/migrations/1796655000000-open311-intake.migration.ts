import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 intake (issue 27): a city app or web form files requests with a key an administrator
 * issued to it (open311_client, only the key's sha256 is kept); such a case has the source
 * `open311` and keeps the client and the GeoReport extras (media link, address id, device id) in
 * `open311`. Every case gets a short unguessable public id (10 base32 characters, 50 random bits)
 * for its public page /r/:publicId; existing cases get one here (a volatile default fills each row).
 */
export class Open311Intake1796655000000 implements MigrationInterface {
  name = 'Open311Intake1796655000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open311_client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
         "name" text NOT NULL, "key_prefix" text NOT NULL, "key_hash" text NOT NULL, "created_by_id" uuid,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE,
         "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_open311_client" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_open311_client_key_hash" ON "open311_client" ("organization_id", "key_hash")`,
    );
    // Random bytes of a v4 UUID (not the version/variant bytes 6 and 8), each mod 32: uniform over the alphabet.
    await queryRunner.query(
      `CREATE FUNCTION civic_public_id() RETURNS text LANGUAGE sql VOLATILE AS $$
         SELECT string_agg(substr('abcdefghijkmnpqrstuvwxyz23456789', get_byte(b, i) % 32 + 1, 1), '' ORDER BY i)
           FROM (SELECT uuid_send(gen_random_uuid()) AS b) r, unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10, 11, 12]) AS i
       $$`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "public_id" text NOT NULL DEFAULT civic_public_id()`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_civic_case_public_id" ON "civic_case" ("public_id")`);
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "open311" jsonb`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP CONSTRAINT "ck_civic_case_source"`);
    await queryRunner.query(
      `ALTER TABLE "civic_case" ADD CONSTRAINT "ck_civic_case_source" CHECK ("source" IN ('social', 'phone', 'walk_in', 'email', 'cimer', 'other', 'open311'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "civic_case" WHERE "source" = 'open311'`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP CONSTRAINT "ck_civic_case_source"`);
    await queryRunner.query(
      `ALTER TABLE "civic_case" ADD CONSTRAINT "ck_civic_case_source" CHECK ("source" IN ('social', 'phone', 'walk_in', 'email', 'cimer', 'other'))`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "open311"`);
    await queryRunner.query(`DROP INDEX "uq_civic_case_public_id"`);
    await queryRunner.query(`ALTER TABLE "civic_case" DROP COLUMN "public_id"`);
    await queryRunner.query(`DROP FUNCTION civic_public_id()`);
    await queryRunner.query(`DROP TABLE "open311_client"`);
  }
}
