import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaDownload1795451409816 implements MigrationInterface {
  name = 'MediaDownload1795451409816';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" ADD "media_pending" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "message" ADD "media_attempts" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "message" ADD "media_claimed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE INDEX "ix_message_media_pending" ON "message" ("received_at") WHERE media_pending');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_message_media_pending"');
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "media_claimed_at"');
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "media_attempts"');
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "media_pending"');
  }
}
