import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeferredReplyStatus1796166329735 implements MigrationInterface {
  name = 'DeferredReplyStatus1796166329735';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "deferred_message_update" ADD "reply_message_id" uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "deferred_message_update" DROP COLUMN "reply_message_id"');
  }
}
