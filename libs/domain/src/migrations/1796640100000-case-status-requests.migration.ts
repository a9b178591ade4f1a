import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status on request: each citizen message read as a status query ("durum 2026-000123"), whether it
 * was answered, for the per-contact rate limit (a few answers an hour) and for the record. What was
 * answered is the notice itself (citizen_notice, kind status_reply).
 */
export class CaseStatusRequests1796640100000 implements MigrationInterface {
  name = 'CaseStatusRequests1796640100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_status_request" (
         "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
         "message_id" uuid NOT NULL REFERENCES "message"("id") ON DELETE CASCADE,
         "conversation_id" uuid NOT NULL REFERENCES "conversation"("id") ON DELETE CASCADE,
         "contact_id" uuid REFERENCES "contact"("id") ON DELETE CASCADE,
         "case_number" text NOT NULL,
         "answered" boolean NOT NULL,
         "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "PK_case_status_request" PRIMARY KEY ("organization_id", "message_id")
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_status_request_contact" ON "case_status_request" ("organization_id", "contact_id", "asked_at")`,
    );
    // Retention deletes messages and conversations: their cascades find the rows by these.
    await queryRunner.query(`CREATE INDEX "ix_case_status_request_message" ON "case_status_request" ("message_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_status_request_conversation" ON "case_status_request" ("conversation_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_status_request"`);
  }
}
