/**
 * npm run bench:readings — ingest with the message readings (issue 28) on and off, side by side in
 * one run: rounds alternate (off, on, off, on, …) on the same database, emptied between rounds. The
 * api with the worker runs in this process; IngestService ingests batches of 100 WhatsApp messages
 * whose texts are the hand-labelled evaluation set's (test/fixtures/nlp). "Off" takes the readings'
 * handler out of the inbound scanner. Two figures per round: ingest alone (the readings run behind
 * it, in the scanner) and ingest until the scanner has handled (and read) every message; medians
 * of five rounds per mode, with their range.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { MessageEvent } from '@civic/channels-core';
import { CitizenInboundHandlerRegistry } from '@civic/citizen-loop';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { MessageReadingHandler } from '@civic/message-readings';
import { writeResult } from './bench-database';
import { median, secondsSince } from './bench-stats';
import { startScannerBenchApp } from './scanner-bench-app';

const EVENTS = Number(process.env.BENCH_READINGS_EVENTS ?? 2_000);
// Five rounds per mode: with three, one round slowed by other work on the shared machine moved the
// median ratio between 0.75 and 1.09 in consecutive runs. The spread is printed beside the medians.
const ROUNDS = Number(process.env.BENCH_READINGS_ROUNDS ?? 5);
const BATCH = 100;
const PER_CONVERSATION = 3;
const FIXTURES = join(__dirname, '..', 'test', 'fixtures', 'nlp');

const TEXTS: string[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(FIXTURES, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );

function events(round: number, accountExternalId: string): MessageEvent[] {
  const base = Date.now() - 3_600_000;
  return Array.from({ length: EVENTS }, (_, i) => {
    const citizen = `r${round}-vatandas-${Math.floor(i / PER_CONVERSATION)}`;
    return {
      type: 'message',
      channel: Channel.WhatsApp,
      accountExternalId,
      occurredAt: new Date(base + i * 10),
      externalId: `wamid.readings-${round}-${i}`,
      direction: MessageDirection.Inbound,
      kind: MessageKind.Dm,
      text: TEXTS[(i * 7 + round) % TEXTS.length],
      contact: { externalId: citizen, name: `Vatandaş ${i}`, phone: `90544${String(i).padStart(7, '0')}` },
      thread: { kind: ConversationKind.Direct, key: `dm:${citizen}` },
      replyWindowExpiresAt: new Date(base + i * 10 + 86_400_000),
    } satisfies MessageEvent;
  });
}

async function main(): Promise<void> {
  const { app, ds, account, handledAll, emptied, close } = await startScannerBenchApp('readings', '106540352242978');
  try {
    const ingest = app.get(IngestService);
    const registry = app.get(CitizenInboundHandlerRegistry);
    const readings = app.get(MessageReadingHandler);

    const rounds: { mode: 'off' | 'on'; eventsPerSecond: number; ingestEventsPerSecond: number; read: number }[] = [];
    // Round 0 warms the database and the process up and is not counted.
    for (let r = -1; r < ROUNDS * 2; r++) {
      const on = r % 2 !== 0 && r >= 0;
      await emptied(
        `TRUNCATE message, conversation, contact, citizen_inbound_processed, message_reading, conversation_activity CASCADE`,
      );
      registry.unregister(readings);
      if (on) {
        registry.register(readings);
      }
      const all = events(r + 1, account.externalId);
      const start = process.hrtime.bigint();
      for (let i = 0; i < all.length; i += BATCH) {
        await ingest.ingest(all.slice(i, i + BATCH));
      }
      const ingestSeconds = secondsSince(start);
      await handledAll(EVENTS);
      const total = secondsSince(start);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM message_reading`);
      const round = {
        mode: on ? ('on' as const) : ('off' as const),
        eventsPerSecond: Math.round(EVENTS / total),
        ingestEventsPerSecond: Math.round(EVENTS / ingestSeconds),
        read: n,
      };
      console.log(`round ${r + 1}${r < 0 ? ' (warm-up)' : ''}: ${JSON.stringify(round)}`);
      if (r >= 0) {
        rounds.push(round);
      }
    }
    const pick = (mode: 'off' | 'on', key: 'eventsPerSecond' | 'ingestEventsPerSecond') =>
      median(rounds.filter((r) => r.mode === mode).map((r) => r[key]));
    const spread = (mode: 'off' | 'on', key: 'eventsPerSecond' | 'ingestEventsPerSecond') => {
      const values = rounds.filter((r) => r.mode === mode).map((r) => r[key]);
      return `${Math.min(...values)}–${Math.max(...values)}`;
    };
    const result = {
      events: EVENTS,
      batchSize: BATCH,
      texts: TEXTS.length,
      rounds,
      ingestOff: pick('off', 'ingestEventsPerSecond'),
      ingestOn: pick('on', 'ingestEventsPerSecond'),
      handledOff: pick('off', 'eventsPerSecond'),
      handledOn: pick('on', 'eventsPerSecond'),
      ingestRatio: +(pick('on', 'ingestEventsPerSecond') / pick('off', 'ingestEventsPerSecond')).toFixed(3),
      handledRatio: +(pick('on', 'eventsPerSecond') / pick('off', 'eventsPerSecond')).toFixed(3),
      target: { ingestRatio: 0.85 },
      loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    };
    console.log(`\nIngest with the message readings off and on (${EVENTS} WhatsApp messages, batches of ${BATCH})`);
    console.table([
      {
        measure: 'ingest alone',
        off: result.ingestOff,
        on: result.ingestOn,
        ratio: result.ingestRatio,
        'off range': spread('off', 'ingestEventsPerSecond'),
        'on range': spread('on', 'ingestEventsPerSecond'),
      },
      {
        measure: 'ingest + scanner (read)',
        off: result.handledOff,
        on: result.handledOn,
        ratio: result.handledRatio,
        'off range': spread('off', 'eventsPerSecond'),
        'on range': spread('on', 'eventsPerSecond'),
      },
    ]);
    console.log(`load average ${result.loadAverage.join(', ')}`);
    console.log(`written: ${writeResult('readings', result)}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
