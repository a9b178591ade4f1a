/**
 * npm run bench — every benchmark against the PostgreSQL server, one after the other, each in its
 * own process (the same script `npm run bench:<name>` runs, so a figure here is the figure there),
 * then ONE table: each figure beside its ceiling measured in the same run, and the ratio.
 * Child output goes to bench/results/all-<ts>.log; the summary to bench/results/all-<ts>.json.
 * Sizes: see bench/README.md (BENCH_* variables).
 */
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { newestResult, RESULTS, ROOT, run, sizes } from './run-all-child.runner';
import { ACK_BENCH, INGEST_BENCH, REPLIES_BENCH, RULES_BENCH, WEBHOOKS_BENCH } from './run-all-intake.components';
import { DEMO_BENCH, EXPORT_BENCH, INBOX_BENCH, MAP_BENCH, NEIGHBOURHOODS_BENCH } from './run-all-queries.components';
import { NLP_BENCH, READINGS_BENCH } from './run-all-readings.components';
import type { Component, Row } from './run-all.table';
import { printTable } from './run-all.table';

/** The benchmarks in the order they run and their rows appear. */
const COMPONENTS: Component[] = [
  RULES_BENCH,
  ACK_BENCH,
  INGEST_BENCH,
  INBOX_BENCH,
  EXPORT_BENCH,
  REPLIES_BENCH,
  DEMO_BENCH,
  WEBHOOKS_BENCH,
  MAP_BENCH,
  NLP_BENCH,
  READINGS_BENCH,
  NEIGHBOURHOODS_BENCH,
];

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
  printTable(rows);
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
