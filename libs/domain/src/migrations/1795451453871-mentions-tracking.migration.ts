import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MentionsTracking1795451453871 implements MigrationInterface {
  name = 'MentionsTracking1795451453871';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mention_watchlist" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "terms" text array NOT NULL DEFAULT \'{}\', "handles" text array NOT NULL DEFAULT \'{}\', "hashtags" text array NOT NULL DEFAULT \'{}\', "exclusion_terms" text array NOT NULL DEFAULT \'{}\', "spike_factor" double precision NOT NULL DEFAULT \'3\', "spike_min_count" integer NOT NULL DEFAULT \'10\', "twitter_search" boolean NOT NULL DEFAULT true, "active" boolean NOT NULL DEFAULT true, "scanned_received_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58e902bbed75179478c03c29572" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_mention_watchlist_org" ON "mention_watchlist" ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "mention" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "watchlist_id" uuid NOT NULL, "message_id" uuid, "channel" text NOT NULL, "external_id" text NOT NULL, "source" text NOT NULL, "author_external_id" text, "author_name" text, "author_handle" text, "text" text, "search_text" text NOT NULL DEFAULT \'\', "url" text, "matched_terms" text array NOT NULL DEFAULT \'{}\', "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "author_followers" integer, "like_count" integer, "repost_count" integer, "reply_count" integer, "reach" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b02b76c4b65e3c35c1a545bf57" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mention_watchlist_published" ON "mention" ("watchlist_id", "published_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mention_org_published" ON "mention" ("organization_id", "published_at", "id") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_mention_message" ON "mention" ("watchlist_id", "message_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_external" ON "mention" ("watchlist_id", "channel", "external_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mention_search_cursor" ("watchlist_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "since_id" text, "last_run_at" TIMESTAMP WITH TIME ZONE, "paused_until" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_6935f0ac967321e138d4fb8aec8" PRIMARY KEY ("watchlist_id", "channel_account_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "mention_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "watchlist_id" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "hour_count" integer NOT NULL, "peak_count" integer NOT NULL, "median_daily" double precision NOT NULL, "threshold" double precision NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e2e97852f384c9824ca5335bd9b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mention_alert_org_opened" ON "mention_alert" ("organization_id", "opened_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_alert_open" ON "mention_alert" ("watchlist_id") WHERE closed_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "mention_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "kind" text NOT NULL, "transport" text NOT NULL, "target" text NOT NULL, "subject" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'queued\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_14d35cf3665c996082ac47d3a71" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mention_notification_pending" ON "mention_notification" ("status", "transport", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mention_digest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "day" date NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dcbb517536c0fb8b9d3f72c4746" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_digest_day" ON "mention_digest" ("organization_id", "day") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mention_settings" ("organization_id" uuid NOT NULL, "webhook_url" text, "email" text, "digest_enabled" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb5c4483da46339803ad89175b0" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_message_org_received" ON "message" ("organization_id", "received_at", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "mention" ADD CONSTRAINT "FK_58e902bbed75179478c03c29572" FOREIGN KEY ("watchlist_id") REFERENCES "mention_watchlist"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mention" ADD CONSTRAINT "FK_b15d5707d915d98745be6c0e1f0" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mention_search_cursor" ADD CONSTRAINT "FK_f26070df5645fe0eda54070366e" FOREIGN KEY ("watchlist_id") REFERENCES "mention_watchlist"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mention_search_cursor" ADD CONSTRAINT "FK_10e6f9089400ce5172882287598" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mention_alert" ADD CONSTRAINT "FK_6a942740d4bc89df40195b0c244" FOREIGN KEY ("watchlist_id") REFERENCES "mention_watchlist"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "mention_alert" DROP CONSTRAINT "FK_6a942740d4bc89df40195b0c244"');
    await queryRunner.query('ALTER TABLE "mention_search_cursor" DROP CONSTRAINT "FK_10e6f9089400ce5172882287598"');
    await queryRunner.query('ALTER TABLE "mention_search_cursor" DROP CONSTRAINT "FK_f26070df5645fe0eda54070366e"');
    await queryRunner.query('ALTER TABLE "mention" DROP CONSTRAINT "FK_b15d5707d915d98745be6c0e1f0"');
    await queryRunner.query('ALTER TABLE "mention" DROP CONSTRAINT "FK_58e902bbed75179478c03c29572"');
    await queryRunner.query('DROP INDEX "public"."ix_message_org_received"');
    await queryRunner.query('DROP TABLE "mention_settings"');
    await queryRunner.query('DROP INDEX "public"."uq_mention_digest_day"');
    await queryRunner.query('DROP TABLE "mention_digest"');
    await queryRunner.query('DROP INDEX "public"."ix_mention_notification_pending"');
    await queryRunner.query('DROP TABLE "mention_notification"');
    await queryRunner.query('DROP INDEX "public"."uq_mention_alert_open"');
    await queryRunner.query('DROP INDEX "public"."ix_mention_alert_org_opened"');
    await queryRunner.query('DROP TABLE "mention_alert"');
    await queryRunner.query('DROP TABLE "mention_search_cursor"');
    await queryRunner.query('DROP INDEX "public"."uq_mention_external"');
    await queryRunner.query('DROP INDEX "public"."uq_mention_message"');
    await queryRunner.query('DROP INDEX "public"."ix_mention_org_published"');
    await queryRunner.query('DROP INDEX "public"."ix_mention_watchlist_published"');
    await queryRunner.query('DROP TABLE "mention"');
    await queryRunner.query('DROP INDEX "public"."ix_mention_watchlist_org"');
    await queryRunner.query('DROP TABLE "mention_watchlist"');
  }
}
