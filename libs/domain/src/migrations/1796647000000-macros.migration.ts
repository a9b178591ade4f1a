import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Macros (issue 26): named, ordered conversation actions, personal (an owner) or shared (no owner). */
export class Macros1796647000000 implements MigrationInterface {
  name = 'Macros1796647000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "macro" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "name" text NOT NULL, "owner_user_id" uuid, "actions" jsonb NOT NULL DEFAULT '[]',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_macro" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_macro_owner" ON "macro" ("organization_id", "owner_user_id", "name") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_macro_owner"`);
    await queryRunner.query(`DROP TABLE "macro"`);
  }
}
