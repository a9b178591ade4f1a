import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookInbox1796137383784 implements MigrationInterface {
  name = 'WebhookInbox1796137383784';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_inbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_count" integer NOT NULL, "events" json NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "claimed_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4b63b831d1a843667b74f0a5fc3" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "webhook_inbox"');
  }
}
