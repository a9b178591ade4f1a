import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reply outbox: the dispatch claim on outbound messages and the Idempotency-Key store. */
export class ReplyDispatch1795450400000 implements MigrationInterface {
  name = 'ReplyDispatch1795450400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" ADD "dispatch_claimed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'CREATE TABLE "reply_idempotency_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "key" text NOT NULL, "user_id" uuid NOT NULL, "message_id" uuid NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7ba39183c61fe6840d9c00f0fb1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_reply_idempotency_key" ON "reply_idempotency_key" ("organization_id", "key") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_reply_idempotency_key"');
    await queryRunner.query('DROP TABLE "reply_idempotency_key"');
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "dispatch_claimed_at"');
  }
}
