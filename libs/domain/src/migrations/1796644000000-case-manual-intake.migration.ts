import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases recorded by hand (phone, walk-in, e-mail, CİMER, other): they have no conversation, so
 * conversation, channel and account become optional, and a CHECK keeps them required for social
 * cases. The citizen's contact details and consent, the CİMER application and its answer deadline
 * live on the case; case_settings gets the organization's CİMER answer period in working days.
 */
export class CaseManualIntake1796644000000 implements MigrationInterface {
  name = 'CaseManualIntake1796644000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "civic_case" ADD "source" text NOT NULL DEFAULT 'social'`);
    await queryRunner.query(
      `ALTER TABLE "civic_case" ADD CONSTRAINT "ck_civic_case_source" CHECK ("source" IN ('social', 'phone', 'walk_in', 'email', 'cimer', 'other'))`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "conversation_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "channel" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "channel_account_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "civic_case" ADD CONSTRAINT "ck_civic_case_social_conversation" CHECK ("source" <> 'social' OR ("conversation_id" IS NOT NULL AND "channel" IS NOT NULL AND "channel_account_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "civic_case" ADD "citizen_name" text, ADD "citizen_phone" text, ADD "citizen_email" text,
         ADD "contact_consent" boolean NOT NULL DEFAULT false, ADD "contact_consent_at" TIMESTAMP WITH TIME ZONE,
         ADD "cimer_application_number" text, ADD "cimer_application_date" date, ADD "answer_due_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "civic_case" ADD CONSTRAINT "ck_civic_case_cimer_application" CHECK ("source" <> 'cimer' OR ("cimer_application_number" IS NOT NULL AND "cimer_application_date" IS NOT NULL AND "answer_due_at" IS NOT NULL))`,
    );
    // One case per CİMER application in an organization (a merged duplicate keeps its number).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_civic_case_cimer_application" ON "civic_case" ("organization_id", "cimer_application_number") WHERE "cimer_application_number" IS NOT NULL AND "status" <> 'merged'`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_settings" ADD "cimer_answer_working_days" integer NOT NULL DEFAULT 15,
         ADD CONSTRAINT "ck_case_settings_cimer_days" CHECK ("cimer_answer_working_days" BETWEEN 1 AND 90)`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_citizen_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
         "case_id" uuid NOT NULL, "event_key" text NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL,
         "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT 0, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "pk_case_citizen_mail" PRIMARY KEY ("organization_id", "id"),
         CONSTRAINT "ck_case_citizen_mail_status" CHECK ("status" IN ('queued', 'sent', 'failed', 'outbox')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_citizen_mail_event" ON "case_citizen_mail" ("organization_id", "event_key")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_citizen_mail_case" ON "case_citizen_mail" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_citizen_mail"`);
    await queryRunner.query(
      `ALTER TABLE "case_settings" DROP CONSTRAINT "ck_case_settings_cimer_days", DROP COLUMN "cimer_answer_working_days"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_civic_case_cimer_application"`);
    await queryRunner.query(`DELETE FROM "civic_case" WHERE "source" <> 'social'`);
    await queryRunner.query(
      `ALTER TABLE "civic_case" DROP CONSTRAINT "ck_civic_case_cimer_application", DROP CONSTRAINT "ck_civic_case_social_conversation",
         DROP CONSTRAINT "ck_civic_case_source", DROP COLUMN "citizen_name", DROP COLUMN "citizen_phone", DROP COLUMN "citizen_email",
         DROP COLUMN "contact_consent", DROP COLUMN "contact_consent_at", DROP COLUMN "cimer_application_number",
         DROP COLUMN "cimer_application_date", DROP COLUMN "answer_due_at", DROP COLUMN "source"`,
    );
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "channel_account_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "channel" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "civic_case" ALTER COLUMN "conversation_id" SET NOT NULL`);
  }
}
