import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First inbound, first response and first resolution kept on the conversation (maintained by
 * MessageStore, MessageDispatchStore and ConversationsService), so the inbox statistics read one
 * index range instead of aggregating every message of the organization.
 */
export class ConversationResponseTimes1796560000000 implements MigrationInterface {
  name = 'ConversationResponseTimes1796560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "conversation" ADD "first_inbound_at" TIMESTAMP WITH TIME ZONE, ADD "first_response_at" TIMESTAMP WITH TIME ZONE,
        ADD "first_response_user_id" uuid, ADD "resolved_at" TIMESTAMP WITH TIME ZONE, ADD "resolved_by_user_id" uuid`,
    );
    await queryRunner.query(
      `UPDATE "conversation" c SET "first_inbound_at" = f.at
         FROM (SELECT "conversation_id", min("sent_at") AS at FROM "message" WHERE "direction" = 'in' GROUP BY "conversation_id") f
        WHERE c."id" = f."conversation_id"`,
    );
    await queryRunner.query(
      `UPDATE "conversation" c SET ("first_response_at", "first_response_user_id") = (
          SELECT m."sent_at", m."author_user_id" FROM "message" m
           WHERE m."conversation_id" = c."id" AND m."direction" = 'out' AND m."sent_at" > c."first_inbound_at"
           ORDER BY m."sent_at", m."id" LIMIT 1)
        WHERE c."first_inbound_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "conversation" c SET ("resolved_at", "resolved_by_user_id") = (
          SELECT ca."created_at", ca."actor_user_id" FROM "conversation_activity" ca
           WHERE ca."conversation_id" = c."id" AND ca."type" = 'status' AND ca."data"->>'to' IN ('resolved', 'closed')
             AND ca."created_at" > c."first_inbound_at"
           ORDER BY ca."created_at", ca."id" LIMIT 1)
        WHERE c."first_inbound_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_first_inbound" ON "conversation" ("organization_id", "first_inbound_at")
        INCLUDE ("channel", "channel_account_id", "first_response_at", "first_response_user_id", "resolved_at", "resolved_by_user_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_conversation_first_inbound"`);
    await queryRunner.query(
      `ALTER TABLE "conversation" DROP COLUMN "resolved_by_user_id", DROP COLUMN "resolved_at", DROP COLUMN "first_response_user_id",
        DROP COLUMN "first_response_at", DROP COLUMN "first_inbound_at"`,
    );
  }
}
