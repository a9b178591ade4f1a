import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserSsoIdentity1796544900000 implements MigrationInterface {
  name = 'UserSsoIdentity1796544900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_sso_identity" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_user_sso_identity" PRIMARY KEY ("organization_id", "user_id", "issuer"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_sso_identity_subject" ON "user_sso_identity" ("organization_id", "issuer", "subject") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_user_sso_identity_subject"`);
    await queryRunner.query(`DROP TABLE "user_sso_identity"`);
  }
}
