import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboxNotesCannedResponses1795450258753 implements MigrationInterface {
  name = 'InboxNotesCannedResponses1795450258753';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "internal_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "author_user_id" uuid, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c1cefc29d77337505ae24a0cff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_internal_note_conversation" ON "internal_note" ("conversation_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "canned_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc49cdfdecc89466143d10a5ecb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_canned_response_org" ON "canned_response" ("organization_id", "title") ');
    await queryRunner.query(
      'CREATE TABLE "conversation_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "actor_user_id" uuid, "type" text NOT NULL, "data" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6390f8989c8aae60293f3f4af04" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_conversation_activity_org" ON "conversation_activity" ("organization_id", "type", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_conversation_activity_conversation" ON "conversation_activity" ("conversation_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "internal_note" ADD CONSTRAINT "FK_c0f966fad52d1d8173a70d2658c" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "internal_note" ADD CONSTRAINT "FK_c2c40835f0bb176f16001d246a5" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "internal_note" DROP CONSTRAINT "FK_c2c40835f0bb176f16001d246a5"');
    await queryRunner.query('ALTER TABLE "internal_note" DROP CONSTRAINT "FK_c0f966fad52d1d8173a70d2658c"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_activity_conversation"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_activity_org"');
    await queryRunner.query('DROP TABLE "conversation_activity"');
    await queryRunner.query('DROP INDEX "public"."ix_canned_response_org"');
    await queryRunner.query('DROP TABLE "canned_response"');
    await queryRunner.query('DROP INDEX "public"."ix_internal_note_conversation"');
    await queryRunner.query('DROP TABLE "internal_note"');
  }
}
