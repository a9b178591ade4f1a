import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases: departments and external bodies, categories with SLA, routing rules, cases, history, forwarding outbox. */
export class CasesRouting1795451356561 implements MigrationInterface {
  name = 'CasesRouting1795451356561';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "email" text, "webhook_url" text, "webhook_secret_encrypted" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_department_name" ON "department" ("organization_id", "name") ');
    await queryRunner.query(
      'CREATE TABLE "case_category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "sla_hours" integer NOT NULL, "department_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea1dcb2855b86dd9c349a650a47" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_case_category_code" ON "case_category" ("organization_id", "code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "routing_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "keywords" text array NOT NULL, "category_id" uuid NOT NULL, "department_id" uuid, "weight" integer NOT NULL DEFAULT \'1\', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b402e9e6a4d11fbd58e076daa2f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_routing_rule_org" ON "routing_rule" ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "civic_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "number" integer NOT NULL, "conversation_id" uuid NOT NULL, "message_id" uuid, "contact_id" uuid, "channel" text NOT NULL, "channel_account_id" uuid NOT NULL, "category_id" uuid NOT NULL, "department_id" uuid, "external_body_id" uuid, "description" text, "priority" text NOT NULL DEFAULT \'normal\', "status" text NOT NULL DEFAULT \'new\', "latitude" double precision, "longitude" double precision, "location_label" text, "photos" jsonb NOT NULL DEFAULT \'[]\', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolution_text" text, "rejection_reason" text, "first_resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "rejected_at" TIMESTAMP WITH TIME ZONE, "resolution_count" integer NOT NULL DEFAULT \'0\', "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9c748d154b63cf451f22fc56c8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_civic_case_conversation" ON "civic_case" ("conversation_id") ');
    await queryRunner.query('CREATE INDEX "ix_civic_case_org_status" ON "civic_case" ("organization_id", "status") ');
    await queryRunner.query(
      'CREATE INDEX "ix_civic_case_org_created" ON "civic_case" ("organization_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_civic_case_number" ON "civic_case" ("organization_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "case_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "actor_user_id" uuid, "actor_label" text NOT NULL, "action" text NOT NULL, "before" jsonb, "after" jsonb, "note" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3afb6b822ee2a4b1602b33d595" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_case_history_case" ON "case_history" ("case_id", "occurred_at") ');
    await queryRunner.query(
      'CREATE TABLE "case_forward" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "case_id" uuid NOT NULL, "external_body_id" uuid NOT NULL, "transport" text NOT NULL, "target" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "response_status" integer, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07bfe7e7dfb6581edfb8cdea60e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_case_forward_outbox" ON "case_forward" ("organization_id", "transport", "status") ',
    );
    await queryRunner.query('CREATE INDEX "ix_case_forward_case" ON "case_forward" ("case_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "case_settings" ("organization_id" uuid NOT NULL, "seeded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f6a69a97bd37c3be6d09e4dee59" PRIMARY KEY ("organization_id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "case_settings"');
    await queryRunner.query('DROP INDEX "public"."ix_case_forward_case"');
    await queryRunner.query('DROP INDEX "public"."ix_case_forward_outbox"');
    await queryRunner.query('DROP TABLE "case_forward"');
    await queryRunner.query('DROP INDEX "public"."ix_case_history_case"');
    await queryRunner.query('DROP TABLE "case_history"');
    await queryRunner.query('DROP INDEX "public"."uq_civic_case_number"');
    await queryRunner.query('DROP INDEX "public"."ix_civic_case_org_created"');
    await queryRunner.query('DROP INDEX "public"."ix_civic_case_org_status"');
    await queryRunner.query('DROP INDEX "public"."ix_civic_case_conversation"');
    await queryRunner.query('DROP TABLE "civic_case"');
    await queryRunner.query('DROP INDEX "public"."ix_routing_rule_org"');
    await queryRunner.query('DROP TABLE "routing_rule"');
    await queryRunner.query('DROP INDEX "public"."uq_case_category_code"');
    await queryRunner.query('DROP TABLE "case_category"');
    await queryRunner.query('DROP INDEX "public"."uq_department_name"');
    await queryRunner.query('DROP TABLE "department"');
  }
}
