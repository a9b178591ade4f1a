/** The run-all rows of the benchmarks reading the database: inbox, export, map, neighbourhoods, the demo start. */
import type { Component, Row } from './run-all.table';
import { met, ratio } from './run-all.table';

/** The inbox statistics and eight officers searching at once (issue 23's figures). */
function inboxLoadRows(r: any): Row[] {
  if (!r.stats || !r.concurrentSearch) {
    return [];
  }
  const { stats, concurrentSearch: c } = r;
  const office = `${c.api.workers} officers searching "${c.term}" at once`;
  return [
    {
      component: 'inbox',
      measure: `statistics via API, p95 (${r.messages.toLocaleString('en')} msgs, ${stats.conversations} answered in 30 days; former query ${stats.formerQueryMedianMs} ms)`,
      figure: stats.api.p95,
      unit: 'ms',
      ceilingName: 'same SQL through pg, p95',
      ceiling: stats.sql.p95,
      ratio: ratio(stats.api.p95, stats.sql.p95),
      target: 'p95 ≤ 100 ms',
      met: met(stats.api.p95 <= 100),
    },
    {
      component: 'inbox',
      measure: `${office} via API, throughput (p95 ${c.api.p95} ms)`,
      figure: c.api.perSecond,
      unit: 'req/s',
      ceilingName: `same SQL on ${c.sql.workers} pg connections (p95 ${c.sql.p95} ms)`,
      ceiling: c.sql.perSecond,
      ratio: ratio(c.api.perSecond, c.sql.perSecond),
      target: '-',
      met: '-',
    },
  ];
}

export const INBOX_BENCH: Component = {
  name: 'inbox',
  script: 'bench/inbox.bench.ts',
  resultPrefix: 'inbox-',
  rows: (r) => {
    const first = r.results.find((x: any) => x.scenario === 'first page');
    const pages = r.results.flatMap((x: any): Row[] => {
      const common = x.scenario.startsWith('common-term');
      const target = common
        ? { text: 'p95 ≤ 1.5× SQL', ok: x.apiP95 <= 1.5 * x.sqlP95 }
        : x.scenario.startsWith('deep page')
          ? { text: 'p95 ≤ 10 ms, ≤ 1.5× page 1', ok: x.apiP95 <= 10 && (!first || x.apiP95 <= 1.5 * first.apiP95) }
          : { text: 'p95 ≤ 10 ms', ok: x.apiP95 <= 10 };
      const viaApi: Row = {
        component: 'inbox',
        measure: `${x.scenario} via API, p95 (${r.messages.toLocaleString('en')} msgs; bare node:http p95 ${x.floorP95} ms)`,
        figure: x.apiP95,
        unit: 'ms',
        ceilingName: 'same SQL through pg, p95',
        ceiling: x.sqlP95,
        ratio: ratio(x.apiP95, x.sqlP95),
        target: target.text,
        met: met(target.ok),
      };
      // The same page from a framework-free server: how far the SQL ratio above can go on this machine at all.
      const floor: Row = {
        component: 'inbox',
        measure: `${x.scenario} via bare node:http + pg, no framework or auth, p95 (the floor of any HTTP API here)`,
        figure: x.floorP95,
        unit: 'ms',
        ceilingName: 'same SQL through pg, p95',
        ceiling: x.sqlP95,
        ratio: ratio(x.floorP95, x.sqlP95),
        target: '-',
        met: '-',
      };
      return common ? [viaApi, floor] : [viaApi];
    });
    return [...pages, ...inboxLoadRows(r)];
  },
};

export const EXPORT_BENCH: Component = {
  name: 'export',
  script: 'bench/export.bench.ts',
  resultPrefix: 'export-',
  rows: (r) => [
    {
      component: 'export',
      measure: `NDJSON + CSV signed ZIP (${r.messages} msgs, peak RSS ${r.peakRssMb} MB)`,
      figure: r.messagesPerSecond,
      unit: 'msgs/s',
      ceilingName: 'plain pg keyset read → JSON lines',
      ceiling: r.rawCeilingMessagesPerSecond,
      ratio: r.ratio,
      target: '≥ 50,000 msgs/s',
      met: met(r.messagesPerSecond >= 50_000),
    },
  ],
};

export const DEMO_BENCH: Component = {
  name: 'demo',
  script: 'bench/demo-history.bench.ts',
  resultPrefix: 'demo-',
  rows: (r) =>
    r.runs.flatMap((run: any) => [
      {
        component: 'demo',
        measure: `first npm start (${run.database} database): the 90-day history seeded (${run.counts.conversations} conversations, ${run.counts.messages} messages, ${run.counts.cases} cases; slowest /health/ready meanwhile ${run.slowestReadyDuringSeedMs} ms)`,
        figure: run.seedSeconds,
        unit: 's',
        ceilingName: '-',
        ceiling: '-',
        ratio: '-',
        target: '≤ 20 s',
        met: met(run.seedSeconds <= 20),
      },
      {
        component: 'demo',
        measure: `first npm start (${run.database} database): /health/ready answers after`,
        figure: run.readyMs,
        unit: 'ms',
        ceilingName: '-',
        ceiling: '-',
        ratio: '-',
        target: '≤ 5,000 ms',
        met: met(run.readyMs <= 5000),
      },
    ]),
};

export const MAP_BENCH: Component = {
  name: 'map',
  script: 'bench/case-map.bench.ts',
  resultPrefix: 'map-',
  rows: (r) =>
    r.results.map((s: any) => ({
      component: 'map',
      measure: `GET /api/v1/cases/map, ${s.scenario} (${s.mode}, ${s.casesInBox.toLocaleString('en')} of ${r.cases.toLocaleString('en')} cases in the box), p95`,
      figure: s.apiP95,
      unit: 'ms',
      ceilingName: 'same SQL through pg, p95',
      ceiling: s.sqlP95,
      ratio: ratio(s.apiP95, s.sqlP95),
      target: `p95 ≤ ${r.targetP95Ms} ms`,
      met: met(s.apiP95 <= r.targetP95Ms),
    })),
};

export const NEIGHBOURHOODS_BENCH: Component = {
  name: 'neighbourhoods',
  script: 'bench/neighbourhood-lookup.bench.ts',
  resultPrefix: 'neighbourhoods-',
  rows: (r) => [
    {
      component: 'neighbourhoods',
      measure: `point in polygon, ${r.points.toLocaleString('en')} points against ${r.polygons} polygons (median of 5)`,
      figure: r.medianMs,
      unit: 'ms',
      ceilingName: 'plain scan of every polygon (ms)',
      ceiling: r.scanMs,
      ratio: ratio(r.medianMs, r.scanMs),
      target: `≤ ${r.targetMs} ms`,
      met: met(r.medianMs <= r.targetMs),
    },
  ],
};
