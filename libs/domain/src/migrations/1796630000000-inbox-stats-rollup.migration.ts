import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox statistics' daily rollup: for each organization, UTC day of the first inbound message,
 * measure (first response, resolution), account, channel and officer, a sparse histogram of the
 * durations in fixed log-scale buckets (1 % wide), so a 30-day window reads a few hundred rows
 * instead of every conversation's kept times.
 *
 * A trigger on `conversation` keeps it: every writer of the kept columns (MessageStore,
 * MessageDispatchStore, ConversationActivityRecorder, deletions and cascades) changes it in its own
 * transaction without knowing of it, so no path can forget it. It fires only when a kept time or
 * officer actually changes on a conversation that has a response or a resolution (not on plain
 * ingest). Decrements only update: a row removed by a cascade is never recreated.
 *
 * Also a partial index for the open counts per account (index-only, instead of reading the table).
 */
export class InboxStatsRollup1796630000000 implements MigrationInterface {
  name = 'InboxStatsRollup1796630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 0 holds durations under a second; bucket b ≥ 1 holds [1.01^(b-1), 1.01^b) seconds.
    await queryRunner.query(
      `CREATE FUNCTION inbox_stats_bucket(seconds float8) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN seconds < 1 THEN 0 ELSE 1 + floor(ln(seconds) / ln(1.01))::int END
       $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "inbox_stats_day" (
         "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
         "day" date NOT NULL,
         "measure" text NOT NULL CHECK ("measure" IN ('response', 'resolution')),
         "channel_account_id" uuid NOT NULL REFERENCES "channel_account"("id") ON DELETE CASCADE,
         "channel" text NOT NULL,
         "user_id" uuid,
         "buckets" jsonb NOT NULL
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inbox_stats_day" ON "inbox_stats_day"
         ("organization_id", "day", "measure", "channel_account_id", "channel", "user_id") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE FUNCTION inbox_stats_count(c conversation, p_measure text, p_at timestamptz, p_user uuid, p_delta int) RETURNS void
       LANGUAGE plpgsql AS $$
       DECLARE
         k text := inbox_stats_bucket(extract(epoch FROM p_at - c.first_inbound_at)::float8)::text;
         d date := (c.first_inbound_at AT TIME ZONE 'UTC')::date;
       BEGIN
         IF p_delta > 0 THEN
           INSERT INTO inbox_stats_day AS s (organization_id, day, measure, channel_account_id, channel, user_id, buckets)
           VALUES (c.organization_id, d, p_measure, c.channel_account_id, c.channel, p_user, jsonb_build_object(k, p_delta))
           ON CONFLICT (organization_id, day, measure, channel_account_id, channel, user_id)
           DO UPDATE SET buckets = jsonb_set(s.buckets, ARRAY[k], to_jsonb(coalesce((s.buckets ->> k)::int, 0) + p_delta));
         ELSE
           UPDATE inbox_stats_day s
              SET buckets = CASE WHEN coalesce((s.buckets ->> k)::int, 0) + p_delta <= 0 THEN s.buckets - k
                                 ELSE jsonb_set(s.buckets, ARRAY[k], to_jsonb((s.buckets ->> k)::int + p_delta)) END
            WHERE s.organization_id = c.organization_id AND s.day = d AND s.measure = p_measure
              AND s.channel_account_id = c.channel_account_id AND s.channel = c.channel AND s.user_id IS NOT DISTINCT FROM p_user;
         END IF;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION conversation_inbox_stats() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' AND OLD.first_inbound_at IS NOT NULL THEN
           IF OLD.first_response_at IS NOT NULL THEN
             PERFORM inbox_stats_count(OLD, 'response', OLD.first_response_at, OLD.first_response_user_id, -1);
           END IF;
           IF OLD.resolved_at IS NOT NULL THEN
             PERFORM inbox_stats_count(OLD, 'resolution', OLD.resolved_at, OLD.resolved_by_user_id, -1);
           END IF;
         END IF;
         IF TG_OP <> 'DELETE' AND NEW.first_inbound_at IS NOT NULL THEN
           IF NEW.first_response_at IS NOT NULL THEN
             PERFORM inbox_stats_count(NEW, 'response', NEW.first_response_at, NEW.first_response_user_id, 1);
           END IF;
           IF NEW.resolved_at IS NOT NULL THEN
             PERFORM inbox_stats_count(NEW, 'resolution', NEW.resolved_at, NEW.resolved_by_user_id, 1);
           END IF;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER conversation_inbox_stats_insert AFTER INSERT ON "conversation" FOR EACH ROW
         WHEN (NEW.first_inbound_at IS NOT NULL AND (NEW.first_response_at IS NOT NULL OR NEW.resolved_at IS NOT NULL))
         EXECUTE FUNCTION conversation_inbox_stats()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER conversation_inbox_stats_update
         AFTER UPDATE OF "organization_id", "channel_account_id", "channel", "first_inbound_at", "first_response_at",
                         "first_response_user_id", "resolved_at", "resolved_by_user_id" ON "conversation" FOR EACH ROW
         WHEN ((OLD.first_response_at IS NOT NULL OR OLD.resolved_at IS NOT NULL OR NEW.first_response_at IS NOT NULL OR NEW.resolved_at IS NOT NULL)
               AND (OLD.organization_id, OLD.channel_account_id, OLD.channel, OLD.first_inbound_at, OLD.first_response_at,
                    OLD.first_response_user_id, OLD.resolved_at, OLD.resolved_by_user_id)
                   IS DISTINCT FROM (NEW.organization_id, NEW.channel_account_id, NEW.channel, NEW.first_inbound_at, NEW.first_response_at,
                    NEW.first_response_user_id, NEW.resolved_at, NEW.resolved_by_user_id))
         EXECUTE FUNCTION conversation_inbox_stats()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER conversation_inbox_stats_delete AFTER DELETE ON "conversation" FOR EACH ROW
         WHEN (OLD.first_inbound_at IS NOT NULL AND (OLD.first_response_at IS NOT NULL OR OLD.resolved_at IS NOT NULL))
         EXECUTE FUNCTION conversation_inbox_stats()`,
    );
    // Backfill: the same histogram from the kept columns.
    await queryRunner.query(
      `INSERT INTO inbox_stats_day (organization_id, day, measure, channel_account_id, channel, user_id, buckets)
       SELECT organization_id, day, measure, channel_account_id, channel, user_id, jsonb_object_agg(bucket::text, n)
         FROM (SELECT c.organization_id, (c.first_inbound_at AT TIME ZONE 'UTC')::date AS day, m.measure, c.channel_account_id,
                      c.channel, m.user_id, inbox_stats_bucket(extract(epoch FROM m.at - c.first_inbound_at)::float8) AS bucket,
                      count(*)::int AS n
                 FROM conversation c
                 CROSS JOIN LATERAL (VALUES ('response', c.first_response_at, c.first_response_user_id),
                                            ('resolution', c.resolved_at, c.resolved_by_user_id)) m(measure, at, user_id)
                WHERE c.first_inbound_at IS NOT NULL AND m.at IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 6, 7) x
        GROUP BY organization_id, day, measure, channel_account_id, channel, user_id`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_open_account" ON "conversation" ("organization_id", "channel_account_id")
         INCLUDE ("channel") WHERE "status" = 'open'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_conversation_open_account"`);
    await queryRunner.query(`DROP TRIGGER conversation_inbox_stats_delete ON "conversation"`);
    await queryRunner.query(`DROP TRIGGER conversation_inbox_stats_update ON "conversation"`);
    await queryRunner.query(`DROP TRIGGER conversation_inbox_stats_insert ON "conversation"`);
    await queryRunner.query(`DROP FUNCTION conversation_inbox_stats()`);
    await queryRunner.query(`DROP FUNCTION inbox_stats_count(conversation, text, timestamptz, uuid, int)`);
    await queryRunner.query(`DROP TABLE "inbox_stats_day"`);
    await queryRunner.query(`DROP FUNCTION inbox_stats_bucket(float8)`);
  }
}
