import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reply approval (issue 26): an account can require that officers' replies are approved first.
 * A held reply lives in its own table, `reply_draft`, not as a state of `message`: the outbound
 * message and its send job are written only when the draft is approved, in the same transaction that
 * moves the draft from pending to sent (under a row lock), so the outbox keeps its one rule — a
 * queued message always has exactly one send job — and nothing that reads messages sees drafts.
 */
export class ReplyApproval1796649000000 implements MigrationInterface {
  name = 'ReplyApproval1796649000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_account" ADD "replies_need_approval" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "reply_draft" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "author_user_id" uuid NOT NULL,
        "text" text, "attachments" jsonb NOT NULL DEFAULT '[]', "request" jsonb NOT NULL DEFAULT '{}',
        "state" text NOT NULL DEFAULT 'pending', "reviewer_user_id" uuid, "review_comment" text,
        "reviewed_at" TIMESTAMP WITH TIME ZONE, "message_id" uuid, "idempotency_key" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_reply_draft_state" CHECK ("state" IN ('pending', 'returned', 'sent')),
        CONSTRAINT "pk_reply_draft" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reply_draft_state" ON "reply_draft" ("organization_id", "state", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reply_draft_conversation" ON "reply_draft" ("conversation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reply_draft_idempotency_key" ON "reply_draft" ("organization_id", "idempotency_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "reply_draft" ADD CONSTRAINT "fk_reply_draft_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reply_draft"`);
    await queryRunner.query(`ALTER TABLE "channel_account" DROP COLUMN "replies_need_approval"`);
  }
}
