import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SingleSignOn1796542796425 implements MigrationInterface {
  name = 'SingleSignOn1796542796425';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sso_settings" ("organization_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "issuer_url" text, "client_id" text, "client_secret_encrypted" text, "scopes" text NOT NULL DEFAULT \'openid email profile\', "groups_claim" text NOT NULL DEFAULT \'groups\', "group_mappings" jsonb NOT NULL DEFAULT \'[]\', "create_users" boolean NOT NULL DEFAULT false, "password_sign_in_disabled" boolean NOT NULL DEFAULT false, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2da1d6adf800509ac95bd7d305e" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sso_login_code" ("code_hash" text NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f5c83623bbd501602530befe920" PRIMARY KEY ("code_hash"))',
    );
    await queryRunner.query('CREATE INDEX "ix_sso_login_code_expires_at" ON "sso_login_code" ("expires_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_sso_login_code_expires_at"');
    await queryRunner.query('DROP TABLE "sso_login_code"');
    await queryRunner.query('DROP TABLE "sso_settings"');
  }
}
