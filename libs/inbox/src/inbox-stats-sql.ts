/** The two kept durations of a conversation, one row each (measure, end time, officer). */
const MEASURES = `CROSS JOIN LATERAL (VALUES ('response', c.first_response_at, c.first_response_user_id),
                                        ('resolution', c.resolved_at, c.resolved_by_user_id)) m(measure, at, user_id)`;

const BUCKET = `inbox_stats_bucket(extract(epoch FROM m.at - c.first_inbound_at)::float8)`;

/**
 * The rollup as it must be, recomputed from the conversations' kept columns (the migration's
 * backfill): rows (organization_id, day, measure, channel_account_id, channel, user_id, buckets).
 * $1: organization. For tests and the bench, which compare it with `inbox_stats_day`.
 */
export const INBOX_STATS_RECOMPUTED_SQL = `
  SELECT organization_id, day, measure, channel_account_id, channel, user_id, jsonb_object_agg(bucket::text, n) AS buckets
    FROM (SELECT c.organization_id, (c.first_inbound_at AT TIME ZONE 'UTC')::date AS day, m.measure, c.channel_account_id,
                 c.channel, m.user_id, ${BUCKET} AS bucket, count(*)::int AS n
            FROM conversation c ${MEASURES}
           WHERE c.organization_id = $1 AND c.first_inbound_at IS NOT NULL AND m.at IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5, 6, 7) x
   GROUP BY organization_id, day, measure, channel_account_id, channel, user_id`;

/**
 * Histograms of a window: whole UTC days from the rollup, the partial days at either end from the
 * conversations' covering index. Rows (measure, channel, account_id, user_id, buckets).
 * $1 organization, $2 from, $3 to (inclusive), $4/$5 the whole days [first, end) as dates,
 * $6/$7 the same as instants; `inScope` filters on `account`.
 */
export function windowHistogramsSql(inScope: (account: string) => string): string {
  const edge = (range: string) =>
    `SELECT c.channel, c.channel_account_id, c.first_inbound_at, c.first_response_at, c.first_response_user_id,
            c.resolved_at, c.resolved_by_user_id
       FROM conversation c WHERE c.organization_id = $1 AND ${range}`;
  return `
    SELECT s.measure, s.channel, s.channel_account_id AS account_id, s.user_id, s.buckets
      FROM inbox_stats_day s
     WHERE s.organization_id = $1 AND s.day >= $4::date AND s.day < $5::date AND ${inScope('s.channel_account_id')}
    UNION ALL
    SELECT e.measure, e.channel, e.account_id, e.user_id, jsonb_object_agg(e.bucket::text, e.n)
      FROM (SELECT m.measure, c.channel, c.channel_account_id AS account_id, m.user_id, ${BUCKET} AS bucket, count(*)::int AS n
              FROM (${edge('c.first_inbound_at >= $2 AND c.first_inbound_at < $6')}
                    UNION ALL
                    ${edge('c.first_inbound_at >= $7 AND c.first_inbound_at <= $3')}) c ${MEASURES}
             WHERE m.at IS NOT NULL AND ${inScope('c.channel_account_id')}
             GROUP BY 1, 2, 3, 4, 5) e
     GROUP BY e.measure, e.channel, e.account_id, e.user_id`;
}

/** Open conversations per account (index-only on ix_conversation_open_account). $1 organization. */
export function openCountsSql(inScope: string): string {
  return `
    SELECT o.channel, a.id AS account_id, a.name AS account_name, o.open
      FROM channel_account a
      CROSS JOIN LATERAL (SELECT c.channel, count(*)::int AS open FROM conversation c
                           WHERE c.organization_id = $1 AND c.channel_account_id = a.id AND c.status = 'open'
                           GROUP BY c.channel) o
     WHERE a.organization_id = $1 AND ${inScope}
     ORDER BY o.channel, a.name`;
}
