import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { INBOX_STATS_RECOMPUTED_SQL, openCountsSql, percentileErrorBound, windowHistogramsSql } from '@civic/inbox';

export interface ConcurrentFigures {
  workers: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Latency {
  p50: number;
  p95: number;
}

/**
 * Times the ways of getting the same page alternately, one call each per iteration, so all see the
 * same moments of the machine (its speed drifts over a run; timing one block after the other skewed
 * their ratio).
 */
export async function measureAlternating<K extends string>(
  iterations: number,
  ways: Record<K, () => Promise<unknown>>,
): Promise<Record<K, Latency>> {
  const entries = Object.entries(ways) as [K, () => Promise<unknown>][];
  for (let i = 0; i < 5; i++) {
    for (const [, run] of entries) {
      await run();
    }
  } // warm-up
  const times = new Map<K, number[]>(entries.map(([name]) => [name, []]));
  for (let i = 0; i < iterations; i++) {
    for (const [name, run] of entries) {
      const start = performance.now();
      await run();
      times.get(name)!.push(performance.now() - start);
    }
  }
  const summary = {} as Record<K, Latency>;
  for (const [name, list] of times) {
    list.sort((a, b) => a - b);
    summary[name] = { p50: round(percentile(list, 50)), p95: round(percentile(list, 95)) };
  }
  return summary;
}

/**
 * `workers` loops (one per officer or per pg client), each calling its own `run` back to back for
 * `seconds`: the throughput and latency of the same work done at once, as a busy office does it.
 */
export async function measureConcurrent(
  seconds: number,
  runs: Array<() => Promise<unknown>>,
): Promise<ConcurrentFigures> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    runs.map(async (run) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    workers: runs.length,
    seconds: round(elapsed),
    requests: latencies.length,
    perSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
  };
}

/** The inbox statistics as they were computed before the kept response times: from every message (reference only). */
export const STATS_FROM_MESSAGES_SQL = `
  WITH first_in AS (
    SELECT m.conversation_id, min(m.sent_at) AS at FROM message m
     WHERE m.organization_id = $1 AND m.direction = 'in'
     GROUP BY m.conversation_id HAVING min(m.sent_at) >= $2 AND min(m.sent_at) <= $3)
  SELECT GROUPING(x.channel) AS g_channel, GROUPING(x.account_id) AS g_account, GROUPING(x.officer_id) AS g_officer,
         x.channel, x.account_id, x.officer_id, count(*)::int AS count,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY x.seconds) AS p90
    FROM (SELECT c.channel, c.channel_account_id AS account_id, r.author_user_id AS officer_id,
                 extract(epoch FROM r.sent_at - f.at)::float8 AS seconds
            FROM first_in f JOIN conversation c ON c.id = f.conversation_id
            JOIN LATERAL (SELECT m.sent_at, m.author_user_id FROM message m
                           WHERE m.conversation_id = f.conversation_id AND m.direction = 'out' AND m.sent_at > f.at
                           ORDER BY m.sent_at, m.id LIMIT 1) r ON true) x
   GROUP BY GROUPING SETS ((x.channel), (x.account_id), (x.officer_id))`;

/** The first-response figures as exact percentiles on the kept columns (the API's query before the rollup; reference only). */
export const STATS_KEPT_SQL = `
  SELECT GROUPING(x.channel) AS g_channel, GROUPING(x.account_id) AS g_account, GROUPING(x.officer_id) AS g_officer,
         x.channel, x.account_id, x.officer_id, count(*)::int AS count,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY x.seconds) AS p90
    FROM (SELECT c.channel, c.channel_account_id AS account_id, c.first_response_user_id AS officer_id,
                 extract(epoch FROM c.first_response_at - c.first_inbound_at)::float8 AS seconds
            FROM conversation c
           WHERE c.organization_id = $1 AND c.first_inbound_at >= $2 AND c.first_inbound_at <= $3
             AND c.first_response_at IS NOT NULL) x
   GROUP BY GROUPING SETS ((x.channel), (x.account_id), (x.officer_id))`;

const DAY_MS = 86_400_000;

/**
 * What the API runs for a window (InboxStatsService), as plain SQL on one connection: the open counts,
 * the histograms (whole days from the rollup, the ends from the conversations) and the names.
 */
function statsSql(db: Client, organizationId: string, window: { from: string; to: string }) {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  let first = Math.ceil(from / DAY_MS) * DAY_MS;
  let end = Math.floor(to / DAY_MS) * DAY_MS;
  if (end <= first) {
    first = end = from;
  }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const params = [
    organizationId,
    window.from,
    window.to,
    day(first),
    day(end),
    new Date(first).toISOString(),
    new Date(end).toISOString(),
  ];
  const histograms = windowHistogramsSql(() => 'TRUE');
  const open = openCountsSql('TRUE');
  return async () => {
    await db.query(open, [organizationId]);
    await db.query(histograms, params);
    await db.query(
      `SELECT id, name FROM channel_account WHERE organization_id = $1 UNION ALL SELECT id, display_name FROM app_user WHERE organization_id = $1`,
      [organizationId],
    );
  };
}

/** The first-response figures of the API against the former query's: same counts, medians and p90s within the bound. */
function checkStats(api: any, former: Record<string, any>[]): void {
  const exact = new Map(former.filter((r) => r.g_channel === 0).map((r) => [r.channel, r]));
  const channels = api.firstResponse.channel as Array<{
    channel: string;
    count: number;
    medianSeconds: number;
    p90Seconds: number;
  }>;
  const problems = [];
  if (channels.length !== exact.size) {
    problems.push(`channels: API ${channels.length}, former query ${exact.size}`);
  }
  for (const g of channels) {
    const e = exact.get(g.channel);
    if (!e || e.count !== g.count) {
      problems.push(`${g.channel}: count ${g.count}, former query ${e?.count}`);
      continue;
    }
    for (const [reported, value] of [
      [g.medianSeconds, Number(e.median)],
      [g.p90Seconds, Number(e.p90)],
    ]) {
      if (Math.abs(reported - value) > percentileErrorBound(value)) {
        problems.push(`${g.channel}: ${reported} s, former query ${value} s`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`inbox stats differ from the former query: ${problems.join('; ')}`);
  }
}

/**
 * GET /api/v1/inbox/stats over a 30-day window of the seeded data, alternating with the same
 * statements as plain SQL; after checks that the rollup equals its recomputation from the
 * conversations and that the first-response counts equal (medians and p90s within the documented
 * bound of) the former query from every message. The former query and the exact kept-column query
 * (the API's before the rollup) are timed a few times beside them.
 */
export async function measureStats(
  db: Client,
  organizationId: string,
  window: { from: string; to: string },
  iterations: number,
  getStats: (path: string) => Promise<any>,
) {
  const path = `/api/v1/inbox/stats?from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`;
  const params = [organizationId, window.from, window.to];
  const [{ differing }] = (
    await db.query(
      `SELECT count(*)::int AS differing FROM (
         (SELECT day, measure, channel_account_id, channel, user_id, buckets FROM inbox_stats_day
           WHERE organization_id = $1 AND buckets <> '{}'::jsonb
          EXCEPT ALL SELECT day, measure, channel_account_id, channel, user_id, buckets FROM (${INBOX_STATS_RECOMPUTED_SQL}) r)
         UNION ALL
         (SELECT day, measure, channel_account_id, channel, user_id, buckets FROM (${INBOX_STATS_RECOMPUTED_SQL}) r
          EXCEPT ALL SELECT day, measure, channel_account_id, channel, user_id, buckets FROM inbox_stats_day
           WHERE organization_id = $1 AND buckets <> '{}'::jsonb)) d`,
      [organizationId],
    )
  ).rows;
  if (differing !== 0) {
    throw new Error(`inbox_stats_day differs from its recomputation in ${differing} rows`);
  }
  const api = await getStats(path);
  const former = await db.query(STATS_FROM_MESSAGES_SQL, params);
  checkStats(api, former.rows);
  const conversations = api.firstResponse.channel.reduce((sum: number, r: any) => sum + r.count, 0);
  const measured = await measureAlternating(iterations, {
    api: () => getStats(path),
    sql: statsSql(db, organizationId, window),
  });
  const median3 = async (sql: string) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await db.query(sql, params);
      times.push(performance.now() - t0);
    }
    return Math.round(times.sort((a, b) => a - b)[1]);
  };
  const formerQueryMedianMs = await median3(STATS_FROM_MESSAGES_SQL);
  const exactKeptQueryMedianMs = await median3(STATS_KEPT_SQL);
  console.log(
    `inbox stats (${conversations} conversations answered in the window): API p50 ${measured.api.p50} ms, p95 ${measured.api.p95} ms; ` +
      `same SQL p50 ${measured.sql.p50} ms, p95 ${measured.sql.p95} ms; exact first-response query on the kept columns median ${exactKeptQueryMedianMs} ms; ` +
      `former query from messages median ${formerQueryMedianMs} ms`,
  );
  return {
    window,
    conversations,
    api: measured.api,
    sql: measured.sql,
    exactKeptQueryMedianMs,
    formerQueryMedianMs,
  };
}
