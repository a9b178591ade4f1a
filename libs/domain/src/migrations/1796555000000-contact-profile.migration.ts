import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactProfile1796555000000 implements MigrationInterface {
  name = 'ContactProfile1796555000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contact" ADD "avatar_storage_key" text, ADD "avatar_mime_type" text, ADD "profile_due_at" TIMESTAMP WITH TIME ZONE,
        ADD "profile_fetched_at" TIMESTAMP WITH TIME ZONE, ADD "profile_checked_at" TIMESTAMP WITH TIME ZONE`,
    );
    // Citizens who wrote a Messenger or Instagram DM before profiles were fetched: due once, now.
    await queryRunner.query(
      `UPDATE "contact" ct SET "profile_due_at" = now()
        WHERE ct."channel" IN ('facebook', 'instagram')
          AND EXISTS (SELECT 1 FROM "conversation" c WHERE c."contact_id" = ct."id" AND c."kind" = 'direct')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contact_profile_due" ON "contact" ("profile_due_at") WHERE "profile_due_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_contact_profile_due"`);
    await queryRunner.query(
      `ALTER TABLE "contact" DROP COLUMN "profile_checked_at", DROP COLUMN "profile_fetched_at", DROP COLUMN "profile_due_at",
        DROP COLUMN "avatar_mime_type", DROP COLUMN "avatar_storage_key"`,
    );
  }
}
