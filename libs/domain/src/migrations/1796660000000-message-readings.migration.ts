import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Readings of citizen messages (issue 28): language, sentiment, urgency and the suggested category of
 * each inbound message, kept beside it; the conversation carries its latest language and sentiment
 * and, while an urgent message waits for an answer, since when and why (the inbox pins those first).
 */
export class MessageReadings1796660000000 implements MigrationInterface {
  name = 'MessageReadings1796660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "message_reading" ("message_id" uuid NOT NULL, "organization_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL, "language" text NOT NULL, "language_confidence" real NOT NULL,
        "sentiment" text NOT NULL, "sentiment_score" real NOT NULL, "sentiment_cues" text[] NOT NULL DEFAULT '{}',
        "urgent" boolean NOT NULL, "urgency_terms" text[] NOT NULL DEFAULT '{}',
        "suggested_category" text, "suggestion_confidence" real, "suggestion_words" text[] NOT NULL DEFAULT '{}',
        "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_message_reading" PRIMARY KEY ("message_id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_message_reading_conversation" ON "message_reading" ("conversation_id", "read_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation" ADD "language" text, ADD "sentiment" text, ADD "urgent_since" TIMESTAMP WITH TIME ZONE,
        ADD "urgency_terms" text[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_urgent" ON "conversation" ("organization_id", "urgent_since" DESC) WHERE urgent_since IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "category_model" ("organization_id" uuid NOT NULL, "model" jsonb NOT NULL,
        "examples" integer NOT NULL, "held_out" integer NOT NULL, "held_out_accuracy" real,
        "trained_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_category_model" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reading_settings" ("organization_id" uuid NOT NULL, "suggestion_threshold" real NOT NULL DEFAULT 0.8,
        CONSTRAINT "pk_reading_settings" PRIMARY KEY ("organization_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reading_settings"`);
    await queryRunner.query(`DROP TABLE "category_model"`);
    await queryRunner.query(`DROP INDEX "ix_conversation_urgent"`);
    await queryRunner.query(
      `ALTER TABLE "conversation" DROP COLUMN "urgency_terms", DROP COLUMN "urgent_since", DROP COLUMN "sentiment", DROP COLUMN "language"`,
    );
    await queryRunner.query(`DROP TABLE "message_reading"`);
  }
}
