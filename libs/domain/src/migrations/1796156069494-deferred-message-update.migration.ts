import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeferredMessageUpdate1796156069494 implements MigrationInterface {
  name = 'DeferredMessageUpdate1796156069494';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "deferred_message_update" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "organization_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "channel" text NOT NULL, "external_id" text NOT NULL, "event" json NOT NULL, "event_key" text NOT NULL, "deferred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "checks" integer NOT NULL DEFAULT \'0\', "next_check_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2b8b5cff6aa39af7d05f66f509b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_deferred_message_update_due" ON "deferred_message_update" ("next_check_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_deferred_message_update" ON "deferred_message_update" ("channel_account_id", "external_id", "event_key") ',
    );
    await queryRunner.query(
      'ALTER TABLE "deferred_message_update" ADD CONSTRAINT "FK_afdfcf388b4cd556c54a364cc31" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "deferred_message_update" DROP CONSTRAINT "FK_afdfcf388b4cd556c54a364cc31"');
    await queryRunner.query('DROP INDEX "public"."uq_deferred_message_update"');
    await queryRunner.query('DROP INDEX "public"."ix_deferred_message_update_due"');
    await queryRunner.query('DROP TABLE "deferred_message_update"');
  }
}
