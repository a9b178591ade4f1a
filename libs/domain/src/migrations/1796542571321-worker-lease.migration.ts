import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerLease1796542571321 implements MigrationInterface {
  name = 'WorkerLease1796542571321';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "worker_lease" ("id" uuid NOT NULL, "host" text NOT NULL, "pid" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d3d259ad0f99a9f8a56074c826e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "worker_lease_job" ("job_id" uuid NOT NULL, "queue" text NOT NULL, "lease_id" uuid NOT NULL, CONSTRAINT "PK_ef7aa026085a2bb5f488fe0f49b" PRIMARY KEY ("job_id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_worker_lease_job_lease" ON "worker_lease_job" ("lease_id") ');
    await queryRunner.query(
      'ALTER TABLE "worker_lease_job" ADD CONSTRAINT "FK_1baec47996174e5c75a54bd216a" FOREIGN KEY ("lease_id") REFERENCES "worker_lease"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "message" ADD "dispatch_claimed_by" uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "dispatch_claimed_by"');
    await queryRunner.query('ALTER TABLE "worker_lease_job" DROP CONSTRAINT "FK_1baec47996174e5c75a54bd216a"');
    await queryRunner.query('DROP INDEX "public"."ix_worker_lease_job_lease"');
    await queryRunner.query('DROP TABLE "worker_lease_job"');
    await queryRunner.query('DROP TABLE "worker_lease"');
  }
}
