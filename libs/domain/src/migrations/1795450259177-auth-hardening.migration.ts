import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthHardening1795450259177 implements MigrationInterface {
  name = 'AuthHardening1795450259177';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_refresh_token_user" ON "refresh_token" ("user_id") ');
    await queryRunner.query('CREATE INDEX "ix_refresh_token_family" ON "refresh_token" ("family_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("token_hash") ');
    await queryRunner.query(
      'CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_by_id" uuid NOT NULL, "name" text NOT NULL, "token_prefix" text NOT NULL, "token_hash" text NOT NULL, "roles" text array NOT NULL DEFAULT \'{}\', "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_api_token_org" ON "api_token" ("organization_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_api_token_hash" ON "api_token" ("token_hash") ');
    await queryRunner.query(
      'CREATE TABLE "login_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "succeeded" boolean NOT NULL, "ip" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_login_attempt_email_time" ON "login_attempt" ("email", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "user_account_grant" ("user_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40d02752808fcc34a666c85e681" PRIMARY KEY ("user_id", "channel_account_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_user_account_grant_account" ON "user_account_grant" ("channel_account_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_token" ADD CONSTRAINT "FK_22ec6c40d28d930b5367df245aa" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_account_grant" ADD CONSTRAINT "FK_a5dcdf6dc33fa8fd77bbfee5828" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_account_grant" ADD CONSTRAINT "FK_2fe15bf5299b8417401848dac1d" FOREIGN KEY ("channel_account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_account_grant" DROP CONSTRAINT "FK_2fe15bf5299b8417401848dac1d"');
    await queryRunner.query('ALTER TABLE "user_account_grant" DROP CONSTRAINT "FK_a5dcdf6dc33fa8fd77bbfee5828"');
    await queryRunner.query('ALTER TABLE "api_token" DROP CONSTRAINT "FK_22ec6c40d28d930b5367df245aa"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"');
    await queryRunner.query('DROP INDEX "public"."ix_user_account_grant_account"');
    await queryRunner.query('DROP TABLE "user_account_grant"');
    await queryRunner.query('DROP INDEX "public"."ix_login_attempt_email_time"');
    await queryRunner.query('DROP TABLE "login_attempt"');
    await queryRunner.query('DROP INDEX "public"."uq_api_token_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_api_token_org"');
    await queryRunner.query('DROP TABLE "api_token"');
    await queryRunner.query('DROP INDEX "public"."uq_refresh_token_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_refresh_token_family"');
    await queryRunner.query('DROP INDEX "public"."ix_refresh_token_user"');
    await queryRunner.query('DROP TABLE "refresh_token"');
  }
}
