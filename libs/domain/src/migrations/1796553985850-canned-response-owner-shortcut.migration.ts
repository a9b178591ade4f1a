import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal canned responses (an owner; null means shared with the organization) and a shortcut to insert them by. */
export class CannedResponseOwnerShortcut1796553985850 implements MigrationInterface {
  name = 'CannedResponseOwnerShortcut1796553985850';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "canned_response" ADD "owner_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "canned_response" ADD "shortcut" text`);
    await queryRunner.query(
      `CREATE INDEX "ix_canned_response_owner" ON "canned_response" ("organization_id", "owner_user_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_canned_response_owner"`);
    await queryRunner.query(`ALTER TABLE "canned_response" DROP COLUMN "shortcut"`);
    await queryRunner.query(`ALTER TABLE "canned_response" DROP COLUMN "owner_user_id"`);
  }
}
