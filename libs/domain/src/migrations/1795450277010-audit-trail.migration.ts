import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795450277010 implements MigrationInterface {
  name = 'AuditTrail1795450277010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "organization_id" uuid NOT NULL, "seq" bigint NOT NULL, "actor_user_id" uuid, "actor_label" text NOT NULL, "action" text NOT NULL, "target_type" text, "target_id" text, "before" jsonb, "after" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "request_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_org_time" ON "audit_event" ("organization_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_audit_event_org_seq" ON "audit_event" ("organization_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE TABLE "export_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "requested_by_user_id" uuid NOT NULL, "requested_by_label" text NOT NULL, "query" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'queued\', "processed_messages" integer NOT NULL DEFAULT \'0\', "total_messages" integer, "file_path" text, "file_size" bigint, "manifest_sha256" text, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2edcb6f1780d22e5a9f2f29f466" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_export_job_org" ON "export_job" ("organization_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "signing_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "algorithm" text NOT NULL DEFAULT \'ed25519\', "public_key_pem" text NOT NULL, "private_key_encrypted" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5cc161da020c79bb3ac9953edae" PRIMARY KEY ("id"))',
    );
    // Append-only: the application's role can insert but never rewrite or remove history.
    // (A superuser can still disable triggers; the hash chain is what exposes that.)
    await queryRunner.query(`CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_event_no_truncate ON "audit_event"');
    await queryRunner.query('DROP TRIGGER audit_event_no_update_delete ON "audit_event"');
    await queryRunner.query('DROP FUNCTION audit_event_refuse_change()');
    await queryRunner.query('DROP TABLE "signing_key"');
    await queryRunner.query('DROP INDEX "public"."ix_export_job_org"');
    await queryRunner.query('DROP TABLE "export_job"');
    await queryRunner.query('DROP INDEX "public"."uq_audit_event_org_seq"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_event_org_time"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
