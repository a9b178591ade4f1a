import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sentiment on mentions (issue 28): each mention's reading, and alerts of a watchlist's negative
 * mentions rising beside its volume spikes (one open alert per watchlist and kind).
 */
export class MentionSentiment1796661000000 implements MigrationInterface {
  name = 'MentionSentiment1796661000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mention" ADD "sentiment" text, ADD "sentiment_score" real`);
    await queryRunner.query(`ALTER TABLE "mention_alert" ADD "kind" text NOT NULL DEFAULT 'volume'`);
    await queryRunner.query('DROP INDEX "public"."uq_mention_alert_open"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_alert_open" ON "mention_alert" ("watchlist_id", "kind", "organization_id") WHERE closed_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_mention_alert_open"');
    await queryRunner.query(`DELETE FROM "mention_alert" WHERE "kind" <> 'volume'`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_alert_open" ON "mention_alert" ("watchlist_id", "organization_id") WHERE closed_at IS NULL',
    );
    await queryRunner.query(`ALTER TABLE "mention_alert" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "mention" DROP COLUMN "sentiment_score", DROP COLUMN "sentiment"`);
  }
}
