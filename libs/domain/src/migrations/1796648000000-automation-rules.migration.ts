import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automation rules (issue 26): the administrator's ordered rules and the record of each firing,
 * unique per rule and event so a redelivered or rescanned event never fires a rule twice.
 */
export class AutomationRules1796648000000 implements MigrationInterface {
  name = 'AutomationRules1796648000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "automation_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "name" text NOT NULL, "position" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "event" text NOT NULL,
        "match" text NOT NULL DEFAULT 'all', "conditions" jsonb NOT NULL DEFAULT '[]', "actions" jsonb NOT NULL DEFAULT '[]',
        "stop_here" boolean NOT NULL DEFAULT false, "created_by" uuid, "updated_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_automation_rule" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_automation_rule_order" ON "automation_rule" ("organization_id", "event", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "automation_rule_firing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "rule_id" uuid NOT NULL, "event_key" text NOT NULL, "conversation_id" uuid, "message_id" uuid, "case_id" uuid,
        "outcomes" jsonb NOT NULL DEFAULT '[]', "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_automation_rule_firing" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_automation_rule_firing_event" ON "automation_rule_firing" ("organization_id", "rule_id", "event_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_automation_rule_firing_message" ON "automation_rule_firing" ("organization_id", "message_id", "rule_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_automation_rule_firing_rule" ON "automation_rule_firing" ("organization_id", "rule_id", "fired_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "automation_rule_firing"`);
    await queryRunner.query(`DROP TABLE "automation_rule"`);
  }
}
