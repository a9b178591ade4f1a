import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scale-out readiness (docs/adr/0002-scale-out.md): these keys gain organization_id, appended last so
 * every existing lookup keeps its index. The parent ids already belong to one organization, so what is
 * unique does not change.
 */
export class TenantScopedKeys1796544325601 implements MigrationInterface {
  name = 'TenantScopedKeys1796544325601';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "legal_hold" DROP CONSTRAINT "PK_357e20023741be09a334fa29e47"');
    await queryRunner.query(
      'ALTER TABLE "legal_hold" ADD CONSTRAINT "pk_legal_hold" PRIMARY KEY ("conversation_id", "organization_id")',
    );
    await queryRunner.query('ALTER TABLE "mention_search_cursor" DROP CONSTRAINT "PK_6935f0ac967321e138d4fb8aec8"');
    await queryRunner.query(
      'ALTER TABLE "mention_search_cursor" ADD CONSTRAINT "pk_mention_search_cursor" PRIMARY KEY ("watchlist_id", "channel_account_id", "organization_id")',
    );
    await queryRunner.query('ALTER TABLE "mention_source_state" DROP CONSTRAINT "PK_cf6e673dc7683e65246a7cc4675"');
    await queryRunner.query(
      'ALTER TABLE "mention_source_state" ADD CONSTRAINT "pk_mention_source_state" PRIMARY KEY ("channel_account_id", "source", "key", "organization_id")',
    );
    await queryRunner.query('ALTER TABLE "user_account_grant" DROP CONSTRAINT "PK_40d02752808fcc34a666c85e681"');
    await queryRunner.query(
      'ALTER TABLE "user_account_grant" ADD CONSTRAINT "pk_user_account_grant" PRIMARY KEY ("user_id", "channel_account_id", "organization_id")',
    );
    await queryRunner.query('DROP INDEX "public"."uq_mention_external"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_external" ON "mention" ("watchlist_id", "channel", "external_id", "organization_id") ',
    );
    await queryRunner.query('DROP INDEX "public"."uq_mention_message"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_message" ON "mention" ("watchlist_id", "message_id", "organization_id") ',
    );
    await queryRunner.query('DROP INDEX "public"."uq_mention_alert_open"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_alert_open" ON "mention_alert" ("watchlist_id", "organization_id") WHERE closed_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_mention_alert_open"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_alert_open" ON "mention_alert" ("watchlist_id") WHERE closed_at IS NULL',
    );
    await queryRunner.query('DROP INDEX "public"."uq_mention_message"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_mention_message" ON "mention" ("watchlist_id", "message_id") ');
    await queryRunner.query('DROP INDEX "public"."uq_mention_external"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mention_external" ON "mention" ("watchlist_id", "channel", "external_id") ',
    );
    await queryRunner.query('ALTER TABLE "user_account_grant" DROP CONSTRAINT "pk_user_account_grant"');
    await queryRunner.query(
      'ALTER TABLE "user_account_grant" ADD CONSTRAINT "PK_40d02752808fcc34a666c85e681" PRIMARY KEY ("user_id", "channel_account_id")',
    );
    await queryRunner.query('ALTER TABLE "mention_source_state" DROP CONSTRAINT "pk_mention_source_state"');
    await queryRunner.query(
      'ALTER TABLE "mention_source_state" ADD CONSTRAINT "PK_cf6e673dc7683e65246a7cc4675" PRIMARY KEY ("channel_account_id", "source", "key")',
    );
    await queryRunner.query('ALTER TABLE "mention_search_cursor" DROP CONSTRAINT "pk_mention_search_cursor"');
    await queryRunner.query(
      'ALTER TABLE "mention_search_cursor" ADD CONSTRAINT "PK_6935f0ac967321e138d4fb8aec8" PRIMARY KEY ("watchlist_id", "channel_account_id")',
    );
    await queryRunner.query('ALTER TABLE "legal_hold" DROP CONSTRAINT "pk_legal_hold"');
    await queryRunner.query(
      'ALTER TABLE "legal_hold" ADD CONSTRAINT "PK_357e20023741be09a334fa29e47" PRIMARY KEY ("conversation_id")',
    );
  }
}
