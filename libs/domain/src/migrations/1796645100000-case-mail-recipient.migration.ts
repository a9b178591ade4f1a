import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * case_citizen_mail becomes the outbox of every e-mail about a case, not only to its citizen: a
 * "not solved" satisfaction answer also writes one to the case's department and its assignee
 * officer. `recipient` says who a row is for; the rows written so far are the citizen's.
 */
export class CaseMailRecipient1796645100000 implements MigrationInterface {
  name = 'CaseMailRecipient1796645100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "case_citizen_mail" ADD "recipient" text NOT NULL DEFAULT 'citizen',
         ADD CONSTRAINT "ck_case_citizen_mail_recipient" CHECK ("recipient" IN ('citizen', 'department', 'assignee'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "case_citizen_mail" WHERE "recipient" <> 'citizen'`);
    await queryRunner.query(
      `ALTER TABLE "case_citizen_mail" DROP CONSTRAINT "ck_case_citizen_mail_recipient", DROP COLUMN "recipient"`,
    );
  }
}
