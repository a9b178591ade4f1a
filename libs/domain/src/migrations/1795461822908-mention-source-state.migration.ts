import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MentionSourceState1795461822908 implements MigrationInterface {
  name = 'MentionSourceState1795461822908';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mention_source_state" ("channel_account_id" uuid NOT NULL, "source" text NOT NULL, "key" text NOT NULL, "organization_id" uuid NOT NULL, "external_ref" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "position" text, "last_run_at" TIMESTAMP WITH TIME ZONE, "paused_until" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_cf6e673dc7683e65246a7cc4675" PRIMARY KEY ("channel_account_id", "source", "key"))',
    );
    await queryRunner.query(
      'ALTER TABLE "mention_source_state" ADD CONSTRAINT "FK_b14d183eea2c646ec1a73b9ae74" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "mention_source_state" DROP CONSTRAINT "FK_b14d183eea2c646ec1a73b9ae74"');
    await queryRunner.query('DROP TABLE "mention_source_state"');
  }
}
