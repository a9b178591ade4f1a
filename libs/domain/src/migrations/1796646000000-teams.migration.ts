import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teams and automatic assignment (issue 26): teams with members and a per-officer cap of open
 * conversations, the conversation's team (its queue while unassigned), an officer's "away" switch, and
 * presence: one row per officer and api process while the web inbox's live stream is open there.
 */
export class Teams1796646000000 implements MigrationInterface {
  name = 'Teams1796646000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL,
        "name" text NOT NULL, "description" text, "max_open_per_member" integer, "active" boolean NOT NULL DEFAULT true,
        "last_assigned_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_team" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_team_name" ON "team" ("organization_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "team_member" ("organization_id" uuid NOT NULL, "team_id" uuid NOT NULL, "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_team_member" PRIMARY KEY ("organization_id", "team_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_team_member_user" ON "team_member" ("organization_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_presence" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "instance_id" text NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_user_presence" PRIMARY KEY ("organization_id", "user_id", "instance_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" ADD "away" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD "team_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_team" ON "conversation" ("organization_id", "team_id", "last_activity_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_conversation_team"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP COLUMN "team_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "away"`);
    await queryRunner.query(`DROP TABLE "user_presence"`);
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP TABLE "team"`);
  }
}
