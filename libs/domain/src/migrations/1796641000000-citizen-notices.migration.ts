import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automatic messages to citizens (issue 25): the notice outbox, the organization's texts and
 * switches, each contact's opt-out / language / privacy-notice state, the inbound scanner's
 * high-water mark and processed markers, and the per-account acknowledgement switch.
 */
export class CitizenNotices1796641000000 implements MigrationInterface {
  name = 'CitizenNotices1796641000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "citizen_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL, "case_id" uuid, "contact_id" uuid, "kind" text NOT NULL, "event_key" text NOT NULL,
        "values" jsonb NOT NULL DEFAULT '{}', "buttons" jsonb, "in_reply_to_message_id" uuid, "state" text NOT NULL DEFAULT 'queued',
        "reason" text, "language" text, "text" text, "message_id" uuid, "privacy_notice" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_citizen_notice" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_citizen_notice_event" ON "citizen_notice" ("organization_id", "event_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notice_case" ON "citizen_notice" ("organization_id", "case_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notice_queued" ON "citizen_notice" ("created_at") WHERE "state" = 'queued'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notice_conversation" ON "citizen_notice" ("conversation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "citizen_message_settings" ("organization_id" uuid NOT NULL, "privacy_notice_url" text,
        "privacy_notice_on_first_contact" boolean NOT NULL DEFAULT false, "default_language" text NOT NULL DEFAULT 'tr',
        "kinds" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_citizen_message_settings" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citizen_contact_state" ("organization_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "channel" text NOT NULL,
        "opted_out_at" TIMESTAMP WITH TIME ZONE, "opt_out_message_id" uuid, "language" text,
        "privacy_notice_sent_at" TIMESTAMP WITH TIME ZONE, "privacy_notice_id" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_citizen_contact_state" PRIMARY KEY ("organization_id", "contact_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citizen_inbound_scan" ("organization_id" uuid NOT NULL, "scanned_received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_citizen_inbound_scan" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citizen_inbound_processed" ("organization_id" uuid NOT NULL, "message_id" uuid NOT NULL, "outcome" text NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_citizen_inbound_processed" PRIMARY KEY ("organization_id", "message_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "channel_account" ADD "acknowledge_new_conversations" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_account" DROP COLUMN "acknowledge_new_conversations"`);
    await queryRunner.query(`DROP TABLE "citizen_inbound_processed"`);
    await queryRunner.query(`DROP TABLE "citizen_inbound_scan"`);
    await queryRunner.query(`DROP TABLE "citizen_contact_state"`);
    await queryRunner.query(`DROP TABLE "citizen_message_settings"`);
    await queryRunner.query(`DROP TABLE "citizen_notice"`);
  }
}
