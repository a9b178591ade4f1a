import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelSendRate1795461987498 implements MigrationInterface {
  name = 'ChannelSendRate1795461987498';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "channel_send_pace" ("channel_account_id" uuid NOT NULL, "next_send_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_819ab93ca0c7763efba2b52c5f9" PRIMARY KEY ("channel_account_id"))',
    );
    await queryRunner.query('ALTER TABLE "channel_account" ADD "send_rate_per_second" double precision');
    await queryRunner.query(
      'ALTER TABLE "channel_send_pace" ADD CONSTRAINT "FK_819ab93ca0c7763efba2b52c5f9" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "channel_send_pace" DROP CONSTRAINT "FK_819ab93ca0c7763efba2b52c5f9"');
    await queryRunner.query('ALTER TABLE "channel_account" DROP COLUMN "send_rate_per_second"');
    await queryRunner.query('DROP TABLE "channel_send_pace"');
  }
}
