/**
 * npm run bench — every benchmark against the PostgreSQL server, one after the other, each in its
 * own process (the same script `npm run bench:<name>` runs, so a figure here is the figure there),
 * then ONE table: each figure beside its ceiling measured in the same run, and the ratio.
 * Child output goes to bench/results/all-<ts>.log; the summary to bench/results/all-<ts>.json.
 * Sizes: see bench/README.md (BENCH_* variables).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const RESULTS = join(__dirname, 'results');

interface Component {
  name: string;
  script: string;
  args?: string[];
  /** Prefix of the JSON file the script writes into bench/results. */
  resultPrefix: string;
  rows(result: any): Row[];
}

/** One line of the table. `higherIsBetter` decides how the ratio reads (figure/ceiling or ceiling/figure is never mixed: always figure ÷ ceiling). */
interface Row {
  component: string;
  measure: string;
  figure: number | string;
  unit: string;
  ceilingName: string;
  ceiling: number | string;
  ratio: number | string;
  target: string;
  met: 'yes' | 'no' | '-';
}

const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? +(a / b).toFixed(3) : '-');
const met = (ok: boolean): 'yes' | 'no' => (ok ? 'yes' : 'no');

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

const COMPONENTS: Component[] = [
  {
    name: 'rules',
    script: 'bench/automation-rules.bench.ts',
    resultPrefix: 'rules-',
    rows: (r) => [
      {
        component: 'automation rules',
        measure: `ingest + inbound scanner until every message is handled, ${r.rules} rules on (median of ${r.rounds.length / 2} rounds of ${r.events} events)`,
        figure: r.rulesOnEventsPerSecond,
        unit: 'events/s',
        ceilingName: 'the same with no rules, rounds alternating in the same run',
        ceiling: r.rulesOffEventsPerSecond,
        ratio: r.ratio,
        target: 'ratio ≥ 0.8',
        met: met(r.ratio >= 0.8),
      },
      {
        component: 'automation rules',
        measure: `ingest alone while the scanner runs the ${r.rules} rules`,
        figure: r.ingestOnEventsPerSecond,
        unit: 'events/s',
        ceilingName: 'ingest alone with no rules',
        ceiling: r.ingestOffEventsPerSecond,
        ratio: r.ingestOnlyRatio,
        target: 'ratio ≥ 0.8',
        met: met(r.ingestOnlyRatio >= 0.8),
      },
      {
        component: 'automation rules',
        measure: `dry run of a keyword + location rule over the last ${r.dryRun.messages} messages (median; max ${r.dryRun.msMax} ms)`,
        figure: r.dryRun.msMedian,
        unit: 'ms',
        ceilingName: 'target',
        ceiling: 2000,
        ratio: ratio(r.dryRun.msMedian, 2000),
        target: '≤ 2000 ms',
        met: met(r.dryRun.msMedian <= 2000),
      },
    ],
  },
  {
    name: 'ack',
    script: 'bench/ingest-acknowledgement.bench.ts',
    resultPrefix: 'ack-',
    rows: (r) => [
      {
        component: 'ingest',
        measure: `ingest with the automatic acknowledgement on and the inbound scanner running (median of ${r.rounds.length / 2} rounds of ${r.events} events; scanner tail ${r.scannerTailSecondsMedian} s; acknowledgements once each: ${r.acknowledgementsExactlyOnce})`,
        figure: r.ackOnEventsPerSecond,
        unit: 'events/s',
        ceilingName: 'the same ingest with it off, rounds alternating in the same run',
        ceiling: r.ackOffEventsPerSecond,
        ratio: r.ratio,
        target: 'ratio ≥ 0.9',
        met: met(r.ratio >= 0.9),
      },
    ],
  },
  {
    name: 'ingest',
    script: 'bench/ingest.bench.ts',
    resultPrefix: 'ingest-',
    rows: (r) => [
      {
        component: 'ingest',
        measure: `ingest, batches of ${r.batchSize} (${r.events} events)`,
        figure: r.ingestEventsPerSecond,
        unit: 'events/s',
        ceilingName: 'raw INSERT … ON CONFLICT (pg)',
        ceiling: r.rawCeilingRowsPerSecond,
        ratio: r.ingestRatio,
        target: 'ratio ≥ 0.35',
        met: met(r.ingestRatio >= 0.35),
      },
      {
        component: 'ingest',
        measure: `replay of the same events (rows added: ${r.rowsAddedByReplay})`,
        figure: r.replayEventsPerSecond,
        unit: 'events/s',
        ceilingName: 'raw INSERT … ON CONFLICT (pg)',
        ceiling: r.rawCeilingRowsPerSecond,
        ratio: r.replayRatio,
        target: 'ratio ≥ 0.5, 0 rows',
        met: met(r.replayRatio >= 0.5 && r.rowsAddedByReplay === 0),
      },
    ],
  },
  {
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
  },
  {
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
  },
  {
    name: 'replies',
    script: 'bench/reply-dispatch.bench.ts',
    resultPrefix: 'replies-',
    rows: (r) => [
      {
        component: 'replies',
        measure: `dispatch, ${r.replies} replies, ${r.workers} worker processes (dup ${r.duplicatesAtFake}, missing ${r.missingAtFake}, ${r.accounts} numbers limited to ${r.configuredSendRateLimitPerSecond}/s each, peak per number ${r.peakSendsInOneSecondPerAccount}/s)`,
        figure: r.repliesPerSecond,
        unit: 'replies/s',
        ceilingName: 'pg-boss no-op jobs, same options, batches of 50',
        ceiling: r.ceiling.jobsPerSecond,
        ratio: ratio(r.repliesPerSecond, r.ceiling.jobsPerSecond),
        target: '≥ 200/s, 0 duplicates, no number above its limit',
        met: met(
          r.repliesPerSecond >= 200 &&
            r.duplicatesAtFake === 0 &&
            r.missingAtFake === 0 &&
            r.peakSendsInOneSecondPerAccount <= r.configuredSendRateLimitPerSecond,
        ),
      },
    ],
  },
  {
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
  },
  {
    name: 'webhooks',
    script: 'bench/webhook-intake.bench.ts',
    resultPrefix: 'webhooks-',
    rows: (r) =>
      r.modes
        .flatMap((m: any) => m.scenarios.map((s: any) => ({ ...s, ceiling: m.ceiling, apiProcesses: m.apiProcesses })))
        .map((s: any) => {
          const single = s.eventsPerRequest === 1;
          const ok = single ? s.acceptedEventsPerSecond >= 4000 && s.p95Ms <= 100 : s.acceptedEventsPerSecond >= 12000;
          return {
            component: 'webhooks',
            measure: `WEBHOOK_ACK=${s.ack}, ${s.apiProcesses} api process(es): ${s.scenario}, accepted (p95 ${s.p95Ms} ms, ${s.rejected} rejected; all ingested ${s.drainTailSeconds} s after the load, ${s.ingestedEventsPerSecond} events/s end to end; CPU % of one core: api ${s.cpuPercent.api}, postgres ${s.cpuPercent.postgres}, senders ${s.cpuPercent.loadGenerator})`,
            figure: s.acceptedEventsPerSecond,
            unit: 'events/s',
            ceilingName: `GET /health, 16 conns (req/s)`,
            ceiling: s.ceiling.requestsPerSecond,
            ratio: ratio(s.acceptedEventsPerSecond, s.ceiling.requestsPerSecond),
            target: single ? '≥ 4,000/s, p95 ≤ 100 ms' : '≥ 12,000/s',
            met: met(ok),
          };
        }),
  },
  {
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
  },
  {
    name: 'nlp',
    script: 'bench/nlp.bench.ts',
    resultPrefix: 'nlp-',
    rows: (r) => {
      const heldOut = (rows: any[]) => rows.find((x: any) => x.half === 'held-out (even)');
      const urgency = heldOut(r.urgency);
      const row = (measure: string, figure: number, unit: string, target: string, ok: boolean): Row => ({
        component: 'readings',
        measure,
        figure,
        unit,
        ceilingName: '-',
        ceiling: '-',
        ratio: '-',
        target,
        met: met(ok),
      });
      return [
        row(
          `category top-1, 5-fold cross-validation (${r.category.crossValidation.messages} Turkish msgs; top-3 ${r.category.crossValidation.top3}; keywords alone ${r.category.coldStart.top1})`,
          r.category.crossValidation.top1,
          'share',
          '≥ 0.85',
          r.category.crossValidation.top1 >= 0.85,
        ),
        row(
          'sentiment macro-F1, Turkish, held-out half',
          heldOut(r.sentiment).turkishMacroF1,
          'F1',
          '≥ 0.75',
          heldOut(r.sentiment).turkishMacroF1 >= 0.75,
        ),
        row(
          `urgency recall, held-out half (precision ${urgency.precision})`,
          urgency.recall,
          'share',
          'recall ≥ 0.95, precision ≥ 0.8',
          urgency.recall >= 0.95 && urgency.precision >= 0.8,
        ),
        row(
          'language accuracy, held-out half',
          heldOut(r.language).accuracy,
          'share',
          '≥ 0.98',
          heldOut(r.language).accuracy >= 0.98,
        ),
        row(
          `all four readings, one core, per wall-clock second (per CPU second: ${r.messagesPerCpuSecond?.['all four (MessageReader.read)']}; load average ${r.loadAverage?.[0]})`,
          r.messagesPerSecond['all four (MessageReader.read)'],
          'msgs/s',
          '≥ 2,000',
          r.messagesPerSecond['all four (MessageReader.read)'] >= 2000,
        ),
        row('models on disk (lid.176 + category model)', r.modelSize.totalMb, 'MB', '≤ 30', r.modelSize.totalMb <= 30),
      ];
    },
  },
  {
    name: 'readings',
    script: 'bench/readings-ingest.bench.ts',
    resultPrefix: 'readings-',
    rows: (r) => [
      {
        component: 'readings',
        measure: `ingest with the readings on (${r.events} messages; with the scanner's reading: ${r.handledOn} vs ${r.handledOff}/s)`,
        figure: r.ingestOn,
        unit: 'events/s',
        ceilingName: 'readings off',
        ceiling: r.ingestOff,
        ratio: r.ingestRatio,
        target: '≥ 0.85×',
        met: met(r.ingestRatio >= 0.85),
      },
    ],
  },
  {
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
  },
];

/**
 * Defaults of the combined run (each overridable from the environment). The sizes keep the run under
 * ten minutes on the 2-core machine: the inbox keeps the 1,000,000 messages, ingest runs 10,000 events, the export runs on
 * 200,000 (its rate does not depend on the total: keyset batches of 2,000). The API's per-user request
 * limit is lifted: the inbox bench measures query latency with one user, not the limiter.
 */
const RUN_DEFAULTS: Record<string, string> = {
  BENCH_INGEST_EVENTS: '50000',
  BENCH_CONVERSATIONS: '200000',
  BENCH_EXPORT_MESSAGES: '200000',
  // Enough replies that the workers run for seconds and each number's send rate limit binds.
  BENCH_REPLIES: '2000',
  BENCH_REPLY_WORKERS: '2',
  BENCH_WEBHOOK_SECONDS: '8',
  API_RATE_LIMIT_PER_MINUTE: '1000000',
};
const CHILD_ENV: NodeJS.ProcessEnv = { ...RUN_DEFAULTS, ...process.env };

function newestResult(prefix: string, since: number): string | null {
  const files = readdirSync(RESULTS)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => ({ f, t: statSync(join(RESULTS, f)).mtimeMs }))
    .filter((x) => x.t >= since)
    .sort((a, b) => b.t - a.t);
  return files[0] ? join(RESULTS, files[0].f) : null;
}

function run(component: Component, log: NodeJS.WritableStream): Promise<number | null> {
  return new Promise((resolve) => {
    // The same command a single benchmark runs with (the export bench runs compiled, so its peak RSS is not ts-node's).
    const child = spawn(
      'npm',
      ['run', '--silent', `bench:${component.name}`, ...(component.args?.length ? ['--', ...component.args] : [])],
      {
        cwd: ROOT,
        env: CHILD_ENV,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('exit', (code) => resolve(code));
  });
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = join(RESULTS, `all-${stamp}.log`);
  const log = createWriteStream(logFile);
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const started = Date.now();
  const rows: Row[] = [];
  const components: Record<string, unknown> = {};
  const failures: string[] = [];
  console.log(`npm run bench: child output in ${logFile}`);
  for (const component of COMPONENTS.filter((c) => !only || only.includes(c.name))) {
    const t0 = Date.now();
    log.write(`\n===== ${component.name} (${component.script}) =====\n`);
    const code = await run(component, log);
    const file = newestResult(component.resultPrefix, t0);
    const seconds = Math.round((Date.now() - t0) / 1000);
    if (code !== 0 || !file) {
      failures.push(`${component.name}: exit ${code}${file ? '' : ', no result file'} (see the log)`);
      console.log(`  ${component.name}: FAILED after ${seconds} s`);
      continue;
    }
    const result = JSON.parse(readFileSync(file, 'utf8'));
    components[component.name] = { seconds, file: file.slice(ROOT.length + 1), result };
    rows.push(...component.rows(result));
    console.log(`  ${component.name}: ${seconds} s`);
  }
  log.end();
  const totalSeconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\ncivic-inbox benchmarks (${new Date().toISOString()}, ${totalSeconds} s, PostgreSQL server, ${cpus().length} cores)`,
  );
  console.table(
    rows.map((r) => ({
      component: r.component,
      measure: r.measure,
      figure: r.figure,
      unit: r.unit,
      ceiling: `${r.ceiling} (${r.ceilingName})`,
      ratio: r.ratio,
      target: r.target,
      met: r.met,
    })),
  );
  if (failures.length) {
    console.log(`FAILED: ${failures.join('; ')}`);
  }
  const out = join(RESULTS, `all-${stamp}.json`);
  // Api and worker processes run from dist: say which build was measured.
  // tsc rewrites only changed outputs, so an unchanged main.js keeps an old time: its build info is written with every build that changed something.
  const distBuiltAt =
    statSync(join(ROOT, 'dist/tsconfig.build.tsbuildinfo'), { throwIfNoEntry: false })?.mtime.toISOString() ?? null;
  writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), totalSeconds, distBuiltAt, environment: sizes(), rows, failures, components },
      null,
      2,
    ),
  );
  console.log(`written: ${out}`);
  if (failures.length) {
    process.exit(1);
  }
}

/** The sizes this run used, as the scripts read them. */
function sizes(): Record<string, string> {
  const keys = ['BENCH_DATABASE_URL', 'TEST_DATABASE_URL', ...Object.keys(RUN_DEFAULTS)];
  return Object.fromEntries(keys.filter((k) => CHILD_ENV[k]).map((k) => [k, CHILD_ENV[k]!]));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
