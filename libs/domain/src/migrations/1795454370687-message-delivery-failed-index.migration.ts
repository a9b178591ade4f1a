import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageDeliveryFailedIndex1795454370687 implements MigrationInterface {
  name = 'MessageDeliveryFailedIndex1795454370687';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_message_delivery_failed" ON "message" ("delivery_updated_at") WHERE delivery_state = \'failed\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_message_delivery_failed"');
  }
}
