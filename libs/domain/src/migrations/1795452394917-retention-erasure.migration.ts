import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionErasure1795452394917 implements MigrationInterface {
  name = 'RetentionErasure1795452394917';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "retention_settings" ("organization_id" uuid NOT NULL, "retention_days" integer, "mask_phone_numbers" boolean NOT NULL DEFAULT false, "mask_names" boolean NOT NULL DEFAULT false, "next_run_at" TIMESTAMP WITH TIME ZONE, "last_run_at" TIMESTAMP WITH TIME ZONE, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_178084684338a515bdfeb94cf57" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "legal_hold" ("conversation_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "reason" text NOT NULL, "placed_by_user_id" uuid, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_357e20023741be09a334fa29e47" PRIMARY KEY ("conversation_id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_legal_hold_org" ON "legal_hold" ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "conversation_erasure" ("conversation_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "reason" text NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_842109075ce496a8ef383d00770" PRIMARY KEY ("conversation_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_conversation_erasure_org" ON "conversation_erasure" ("organization_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "legal_hold" ADD CONSTRAINT "FK_357e20023741be09a334fa29e47" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversation_erasure" ADD CONSTRAINT "FK_842109075ce496a8ef383d00770" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "conversation_erasure" DROP CONSTRAINT "FK_842109075ce496a8ef383d00770"');
    await queryRunner.query('ALTER TABLE "legal_hold" DROP CONSTRAINT "FK_357e20023741be09a334fa29e47"');
    await queryRunner.query('DROP INDEX "public"."ix_conversation_erasure_org"');
    await queryRunner.query('DROP TABLE "conversation_erasure"');
    await queryRunner.query('DROP INDEX "public"."ix_legal_hold_org"');
    await queryRunner.query('DROP TABLE "legal_hold"');
    await queryRunner.query('DROP TABLE "retention_settings"');
  }
}
