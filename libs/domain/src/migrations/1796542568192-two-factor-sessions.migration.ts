import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TwoFactorSessions1796542568192 implements MigrationInterface {
  name = 'TwoFactorSessions1796542568192';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "user_agent" text, "ip" text, "auth_method" text NOT NULL DEFAULT \'password\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_user_session_user" ON "user_session" ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "user_two_factor" ("user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "totp_secret" text, "totp_pending_secret" text, "totp_enabled_at" TIMESTAMP WITH TIME ZONE, "totp_last_step" bigint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e865d85e0ad6329b40523afe55" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "user_recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce52b21a69d394e0d8b4e549bdd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_user_recovery_code" ON "user_recovery_code" ("user_id", "code_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "two_factor_policy" ("organization_id" uuid NOT NULL, "enforced" boolean NOT NULL DEFAULT false, "roles" text array NOT NULL DEFAULT \'{admin,auditor}\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b69597cb9d71be505628624598d" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_two_factor" ADD CONSTRAINT "FK_0e865d85e0ad6329b40523afe55" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_recovery_code" ADD CONSTRAINT "FK_007947ce13dc1b0c5039e75c668" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "two_factor_policy" ADD CONSTRAINT "FK_b69597cb9d71be505628624598d" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Refresh-token families still alive become sessions, so nobody is signed out by the upgrade.
    await queryRunner.query(
      'INSERT INTO "user_session" ("id", "user_id", "organization_id", "created_at", "last_used_at") SELECT "family_id", "user_id", "organization_id", min("created_at"), max("created_at") FROM "refresh_token" WHERE "revoked_at" IS NULL GROUP BY "family_id", "user_id", "organization_id" ON CONFLICT DO NOTHING',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "two_factor_policy" DROP CONSTRAINT "FK_b69597cb9d71be505628624598d"');
    await queryRunner.query('ALTER TABLE "user_recovery_code" DROP CONSTRAINT "FK_007947ce13dc1b0c5039e75c668"');
    await queryRunner.query('ALTER TABLE "user_two_factor" DROP CONSTRAINT "FK_0e865d85e0ad6329b40523afe55"');
    await queryRunner.query('ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "token_version"');
    await queryRunner.query('DROP TABLE "two_factor_policy"');
    await queryRunner.query('DROP INDEX "public"."uq_user_recovery_code"');
    await queryRunner.query('DROP TABLE "user_recovery_code"');
    await queryRunner.query('DROP TABLE "user_two_factor"');
    await queryRunner.query('DROP INDEX "public"."ix_user_session_user"');
    await queryRunner.query('DROP TABLE "user_session"');
  }
}
