import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseSatisfaction1796643000000 implements MigrationInterface {
  name = 'CaseSatisfaction1796643000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_satisfaction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "case_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "contact_id" uuid, "channel" text NOT NULL,
        "resolution_count" integer NOT NULL, "rating" smallint, "comment" text, "not_solved" boolean NOT NULL DEFAULT false,
        "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "message_id" uuid,
        CONSTRAINT "pk_case_satisfaction" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_satisfaction_resolution" ON "case_satisfaction" ("organization_id", "case_id", "resolution_count") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_satisfaction_conversation" ON "case_satisfaction" ("organization_id", "conversation_id", "asked_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_satisfaction"`);
  }
}
