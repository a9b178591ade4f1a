import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Passkeys1796543508082 implements MigrationInterface {
  name = 'Passkeys1796543508082';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_passkey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "name" text NOT NULL, "credential_id" text NOT NULL, "public_key" text NOT NULL, "counter" bigint NOT NULL DEFAULT \'0\', "transports" text array NOT NULL DEFAULT \'{}\', "device_type" text NOT NULL, "backed_up" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_85011ddb1f9d68d5123a51d9851" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_user_passkey_credential" ON "user_passkey" ("credential_id") ');
    await queryRunner.query('CREATE INDEX "ix_user_passkey_user" ON "user_passkey" ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "passkey_challenge" ("challenge" text NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c80e62c4e15da2e208c893323b4" PRIMARY KEY ("challenge"))',
    );
    await queryRunner.query('CREATE INDEX "ix_passkey_challenge_expires_at" ON "passkey_challenge" ("expires_at") ');
    await queryRunner.query(
      'ALTER TABLE "user_passkey" ADD CONSTRAINT "FK_b1c96a38aeb7cebeeae08c9019e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_passkey" DROP CONSTRAINT "FK_b1c96a38aeb7cebeeae08c9019e"');
    await queryRunner.query('DROP INDEX "public"."ix_passkey_challenge_expires_at"');
    await queryRunner.query('DROP TABLE "passkey_challenge"');
    await queryRunner.query('DROP INDEX "public"."ix_user_passkey_user"');
    await queryRunner.query('DROP INDEX "public"."uq_user_passkey_credential"');
    await queryRunner.query('DROP TABLE "user_passkey"');
  }
}
