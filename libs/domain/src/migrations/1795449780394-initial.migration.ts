import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795449780394 implements MigrationInterface {
  name = 'Initial1795449780394';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      'CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "time_zone" text NOT NULL DEFAULT \'Europe/Istanbul\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a08804baa7c5d5427067c49a31f" UNIQUE ("slug"), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "roles" text array NOT NULL DEFAULT \'{}\', "password_hash" text, "active" boolean NOT NULL DEFAULT true, "locale" text NOT NULL DEFAULT \'tr\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user" ("email") ');
    await queryRunner.query(
      'CREATE TABLE "channel_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "channel" text NOT NULL, "external_id" text NOT NULL, "name" text NOT NULL, "handle" text, "owner_label" text, "credentials_encrypted" text, "cursors" jsonb NOT NULL DEFAULT \'{}\'::jsonb, "status" text NOT NULL DEFAULT \'active\', "paused_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "poll_interval_seconds" integer NOT NULL DEFAULT \'120\', "last_polled_at" TIMESTAMP WITH TIME ZONE, "sandbox" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d33239ca8579301ec4c72d88ec3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_channel_account_org" ON "channel_account" ("organization_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_channel_account_external" ON "channel_account" ("channel", "external_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "channel" text NOT NULL, "channel_user_id" text NOT NULL, "name" text, "handle" text, "phone" text, "person_id" uuid, "search_text" text NOT NULL DEFAULT \'\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2cbbe00f59ab6b3bb5b8d19f989" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_contact_org" ON "contact" ("organization_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_contact_account_user" ON "contact" ("channel_account_id", "channel_user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "conversation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "channel" text NOT NULL, "kind" text NOT NULL, "thread_key" text NOT NULL, "root_external_id" text, "contact_id" uuid, "status" text NOT NULL DEFAULT \'open\', "assignee_id" uuid, "tags" text array NOT NULL DEFAULT \'{}\', "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_inbound_at" TIMESTAMP WITH TIME ZONE, "reply_window_expires_at" TIMESTAMP WITH TIME ZONE, "last_message_preview" text, "message_count" integer NOT NULL DEFAULT \'0\', "unread_count" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_864528ec4274360a40f66c29845" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_conversation_contact" ON "conversation" ("contact_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_conversation_assignee" ON "conversation" ("organization_id", "assignee_id", "last_activity_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_conversation_status" ON "conversation" ("organization_id", "status", "last_activity_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_conversation_inbox" ON "conversation" ("organization_id", "last_activity_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_conversation_thread" ON "conversation" ("channel_account_id", "thread_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "channel" text NOT NULL, "channel_account_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "external_id" text, "direction" text NOT NULL, "kind" text NOT NULL, "text" text, "search_text" text NOT NULL DEFAULT \'\', "attachments" jsonb NOT NULL DEFAULT \'[]\'::jsonb, "parent_message_id" uuid, "parent_external_id" text, "contact_id" uuid, "author_user_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivery_state" text, "delivery_error" jsonb, "delivery_updated_at" TIMESTAMP WITH TIME ZONE, "edited" boolean NOT NULL DEFAULT false, "edit_history" jsonb NOT NULL DEFAULT \'[]\'::jsonb, "deleted" boolean NOT NULL DEFAULT false, "deleted_at" TIMESTAMP WITH TIME ZONE, "raw" jsonb, CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_message_parent_external" ON "message" ("channel_account_id", "parent_external_id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_message_org_sent" ON "message" ("organization_id", "sent_at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_message_conversation" ON "message" ("conversation_id", "sent_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_message_external" ON "message" ("organization_id", "channel", "channel_account_id", "external_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "channel_account" ADD CONSTRAINT "FK_54ff23aa408f32be8dd838b7ed6" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "FK_fbec9c8ed9b39d71fea48038198" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversation" ADD CONSTRAINT "FK_c85f4edec621c3bf9a2267ca820" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversation" ADD CONSTRAINT "FK_497e6b0cfc02cd94483f194b8bc" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversation" ADD CONSTRAINT "FK_7cd8691196444b4660679c494a4" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "FK_7fe3e887d78498d9c9813375ce2" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "FK_879337e5308cb60ca30309aa896" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    // Turkish-folded text is searched with LIKE '%term%', served by trigram GIN indexes.
    await queryRunner.query(
      'CREATE INDEX "ix_message_search_trgm" ON "message" USING gin ("search_text" gin_trgm_ops)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_contact_search_trgm" ON "contact" USING gin ("search_text" gin_trgm_ops)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "ix_contact_search_trgm"');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_message_search_trgm"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "FK_879337e5308cb60ca30309aa896"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "FK_7fe3e887d78498d9c9813375ce2"');
    await queryRunner.query('ALTER TABLE "conversation" DROP CONSTRAINT "FK_7cd8691196444b4660679c494a4"');
    await queryRunner.query('ALTER TABLE "conversation" DROP CONSTRAINT "FK_497e6b0cfc02cd94483f194b8bc"');
    await queryRunner.query('ALTER TABLE "conversation" DROP CONSTRAINT "FK_c85f4edec621c3bf9a2267ca820"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "FK_fbec9c8ed9b39d71fea48038198"');
    await queryRunner.query('ALTER TABLE "channel_account" DROP CONSTRAINT "FK_54ff23aa408f32be8dd838b7ed6"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5"');
    await queryRunner.query('DROP INDEX "public"."uq_message_external"');
    await queryRunner.query('DROP INDEX "public"."ix_message_conversation"');
    await queryRunner.query('DROP INDEX "public"."ix_message_org_sent"');
    await queryRunner.query('DROP INDEX "public"."ix_message_parent_external"');
    await queryRunner.query('DROP TABLE "message"');
    await queryRunner.query('DROP INDEX "public"."uq_conversation_thread"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_inbox"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_status"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_assignee"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_contact"');
    await queryRunner.query('DROP TABLE "conversation"');
    await queryRunner.query('DROP INDEX "public"."uq_contact_account_user"');
    await queryRunner.query('DROP INDEX "public"."ix_contact_org"');
    await queryRunner.query('DROP TABLE "contact"');
    await queryRunner.query('DROP INDEX "public"."uq_channel_account_external"');
    await queryRunner.query('DROP INDEX "public"."ix_channel_account_org"');
    await queryRunner.query('DROP TABLE "channel_account"');
    await queryRunner.query('DROP INDEX "public"."uq_app_user_email"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP TABLE "organization"');
  }
}
