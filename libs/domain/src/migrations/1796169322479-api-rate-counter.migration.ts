import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiRateCounter1796169322479 implements MigrationInterface {
  name = 'ApiRateCounter1796169322479';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "api_rate_counter" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_3048c5dabbac986a44d77de36ed" PRIMARY KEY ("key", "window_start"))',
    );
    await queryRunner.query('CREATE INDEX "ix_api_rate_counter_window_end" ON "api_rate_counter" ("window_end") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_api_rate_counter_window_end"');
    await queryRunner.query('DROP TABLE "api_rate_counter"');
  }
}
