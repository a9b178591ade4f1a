import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Notify a team by webhook" (issue 26): a team may have a webhook (a chat room's incoming webhook,
 * a duty system) with a signing secret kept encrypted, as an external body's is.
 */
export class TeamWebhook1796658000000 implements MigrationInterface {
  name = 'TeamWebhook1796658000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" ADD "webhook_url" text, ADD "webhook_secret_encrypted" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "webhook_secret_encrypted", DROP COLUMN "webhook_url"`);
  }
}
