import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageEchoOfReply1796421906590 implements MigrationInterface {
  name = 'MessageEchoOfReply1796421906590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" ADD "echo_of_reply_id" uuid');
    await queryRunner.query(
      'CREATE INDEX "ix_message_echo_of_reply" ON "message" ("echo_of_reply_id") WHERE echo_of_reply_id IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_message_echo_of_reply"');
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "echo_of_reply_id"');
  }
}
