import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Component } from './run-all.table';

export const ROOT = join(__dirname, '..');
export const RESULTS = join(__dirname, 'results');

/**
 * Defaults of the combined run (each overridable from the environment). The sizes keep the run under
 * ten minutes on the 2-core machine: the inbox keeps the 1,000,000 messages, ingest runs 10,000 events, the export runs on
 * 200,000 (its rate does not depend on the total: keyset batches of 2,000). The API's per-user request
 * limit is lifted: the inbox bench measures query latency with one user, not the limiter.
 */
export const RUN_DEFAULTS: Record<string, string> = {
  BENCH_INGEST_EVENTS: '50000',
  BENCH_CONVERSATIONS: '200000',
  BENCH_EXPORT_MESSAGES: '200000',
  // Enough replies that the workers run for seconds and each number's send rate limit binds.
  BENCH_REPLIES: '2000',
  BENCH_REPLY_WORKERS: '2',
  BENCH_WEBHOOK_SECONDS: '8',
  API_RATE_LIMIT_PER_MINUTE: '1000000',
};
export const CHILD_ENV: NodeJS.ProcessEnv = { ...RUN_DEFAULTS, ...process.env };

/** The newest result file of a benchmark written since `since` (ms), or null. */
export function newestResult(prefix: string, since: number): string | null {
  const files = readdirSync(RESULTS)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => ({ f, t: statSync(join(RESULTS, f)).mtimeMs }))
    .filter((x) => x.t >= since)
    .sort((a, b) => b.t - a.t);
  return files[0] ? join(RESULTS, files[0].f) : null;
}

export function run(component: Component, log: NodeJS.WritableStream): Promise<number | null> {
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

/** The sizes this run used, as the scripts read them. */
export function sizes(): Record<string, string> {
  const keys = ['BENCH_DATABASE_URL', 'TEST_DATABASE_URL', ...Object.keys(RUN_DEFAULTS)];
  return Object.fromEntries(keys.filter((k) => CHILD_ENV[k]).map((k) => [k, CHILD_ENV[k]!]));
}
