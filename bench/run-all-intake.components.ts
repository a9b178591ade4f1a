/** The run-all rows of the benchmarks of messages coming in and replies going out. */
import type { Component } from './run-all.table';
import { met, ratio } from './run-all.table';

export const RULES_BENCH: Component = {
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
};

export const ACK_BENCH: Component = {
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
};

export const INGEST_BENCH: Component = {
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
};

export const REPLIES_BENCH: Component = {
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
};

export const WEBHOOKS_BENCH: Component = {
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
};
