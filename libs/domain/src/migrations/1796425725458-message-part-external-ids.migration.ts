import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagePartExternalIds1796425725458 implements MigrationInterface {
  name = 'MessagePartExternalIds1796425725458';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" ADD "part_external_ids" text array');
    // A status names one id; the parts of sent replies are looked up by containment (@>).
    await queryRunner.query(
      'CREATE INDEX "ix_message_part_external_ids" ON "message" USING gin ("part_external_ids") WHERE part_external_ids IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "ix_message_part_external_ids"');
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "part_external_ids"');
  }
}
