import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

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

/** The first-response figures the API computes, as plain SQL on the kept columns. */
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

/**
 * GET /api/v1/inbox/stats over a 30-day window of the seeded data, alternating with the same
 * first-response query as plain SQL; the statistics' former query (from every message) timed a few
 * times beside them, and its first-response counts must equal the API's.
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
  const api = await getStats(path);
  const former = await db.query(STATS_FROM_MESSAGES_SQL, params);
  const formerByChannel = former.rows
    .filter((r) => r.g_channel === 0)
    .map((r) => [r.channel, r.count, Math.round(r.median)]);
  const apiByChannel = api.firstResponse.channel.map((r: any) => [r.channel, r.count, r.medianSeconds]);
  const sort = (rows: unknown[][]) =>
    JSON.stringify([...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  if (sort(formerByChannel) !== sort(apiByChannel)) {
    throw new Error(`inbox stats differ: API ${sort(apiByChannel)}, from messages ${sort(formerByChannel)}`);
  }
  const conversations = api.firstResponse.channel.reduce((sum: number, r: any) => sum + r.count, 0);
  const measured = await measureAlternating(iterations, {
    api: () => getStats(path),
    sql: () => db.query(STATS_KEPT_SQL, params),
  });
  const formerTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await db.query(STATS_FROM_MESSAGES_SQL, params);
    formerTimes.push(performance.now() - t0);
  }
  formerTimes.sort((a, b) => a - b);
  console.log(
    `inbox stats (${conversations} conversations answered in the window): API p50 ${measured.api.p50} ms, p95 ${measured.api.p95} ms; ` +
      `same SQL p95 ${measured.sql.p95} ms; former query from messages median ${Math.round(formerTimes[1])} ms`,
  );
  return {
    window,
    conversations,
    api: measured.api,
    sql: measured.sql,
    formerQueryMedianMs: Math.round(formerTimes[1]),
  };
}
