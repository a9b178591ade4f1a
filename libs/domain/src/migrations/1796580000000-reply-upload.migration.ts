import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReplyUpload1796580000000 implements MigrationInterface {
  name = 'ReplyUpload1796580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reply_upload" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "conversation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL, "type" text NOT NULL, "mime_type" text NOT NULL, "file_name" text, "size" integer NOT NULL,
        "storage_key" text NOT NULL, "sha256" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reply_upload" PRIMARY KEY ("id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reply_upload_conversation" ON "reply_upload" ("conversation_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "reply_upload" ADD CONSTRAINT "fk_reply_upload_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reply_upload"`);
  }
}
