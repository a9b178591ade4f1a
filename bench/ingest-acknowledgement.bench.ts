/**
 * npm run bench:ack — ingest throughput with the automatic acknowledgement of new conversations
 * off and on, side by side in one run: rounds alternate (off, on, off, on, …) on the same database,
 * emptied between rounds so each starts alike. "On" = the channel account has
 * acknowledge_new_conversations switched on and the citizen inbound scanner (with the product's
 * handlers: DUR/STOP, acknowledgement) runs in this process while IngestService ingests, batches of 100.
 * After an "on" round the scanner's tail (seconds until every message is handled) and the number of
 * acknowledgements enqueued (must equal the new conversations: exactly once) are recorded. Sending
 * the acknowledgements (reply outbox, channel) is the reply bench's part and is not run here.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import type { MessageEvent } from '@civic/channels-core';
import {
  CitizenInboundHandlerRegistry,
  CitizenInboundScanner,
  CitizenMessageSettingsService,
  CitizenNoticeService,
  ConversationAcknowledgementHandler,
  OptOutHandler,
} from '@civic/citizen-loop';
import { Channel, ChannelAccount, ConversationKind, MessageDirection, MessageKind, Organization } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { MessageStore } from '@civic/messages';
import { createBenchDatabase, writeResult } from './bench-database';

const EVENTS = Number(process.env.BENCH_ACK_EVENTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ACK_ROUNDS ?? 3);
const BATCH = 100;
/** Messages per conversation: every fifth message opens a new conversation (a new citizen). */
const PER_CONVERSATION = 5;

function events(round: number, accountExternalId: string): MessageEvent[] {
  const base = Date.now() - 3_600_000;
  return Array.from({ length: EVENTS }, (_, i) => {
    const citizen = `r${round}-user-${Math.floor(i / PER_CONVERSATION)}`;
    return {
      type: 'message',
      channel: Channel.WhatsApp,
      accountExternalId,
      occurredAt: new Date(base + i * 10),
      externalId: `wamid.ack-${round}-${i}`,
      direction: MessageDirection.Inbound,
      kind: MessageKind.Dm,
      text: `Sokağımızdaki lamba yanmıyor, başvuru ${i}`,
      contact: { externalId: citizen, name: `Vatandaş ${i}`, phone: `90555${String(i).padStart(7, '0')}` },
      thread: { kind: ConversationKind.Direct, key: `dm:${citizen}` },
      replyWindowExpiresAt: new Date(base + i * 10 + 86_400_000),
    } satisfies MessageEvent;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const bench = await createBenchDatabase('ack');
  try {
    const ds: DataSource = bench.dataSource;
    const org = await ds.getRepository(Organization).save({ name: 'Bench Belediyesi', slug: 'bench-ack' });
    const account = await ds.getRepository(ChannelAccount).save({
      organizationId: org.id,
      channel: Channel.WhatsApp,
      externalId: '106540352242999',
      name: 'Bench WhatsApp',
    });
    const audit = new AuditService(ds);
    const ingest = new IngestService(ds, audit, new MessageStore());
    const notices = new CitizenNoticeService(new CitizenMessageSettingsService(ds, audit));
    const registry = new CitizenInboundHandlerRegistry();
    new OptOutHandler(registry, notices, audit).onModuleInit();
    new ConversationAcknowledgementHandler(registry, notices).onModuleInit();

    const rounds: { mode: 'off' | 'on'; eventsPerSecond: number; tailSeconds?: number; acknowledgements?: number }[] =
      [];
    // Round 0 warms the database and the process up and is not counted.
    for (let r = -1; r < ROUNDS * 2; r++) {
      const on = r % 2 !== 0 && r >= 0;
      await ds.query(
        `TRUNCATE message, conversation, contact, citizen_notice, citizen_inbound_processed, citizen_inbound_scan CASCADE`,
      );
      await ds.query(`UPDATE channel_account SET acknowledge_new_conversations = $2 WHERE id = $1`, [account.id, on]);
      const all = events(r + 1, account.externalId);
      const scanner = on ? new CitizenInboundScanner(ds, registry) : null;
      scanner?.onApplicationBootstrap();
      const start = process.hrtime.bigint();
      for (let i = 0; i < all.length; i += BATCH) {
        await ingest.ingest(all.slice(i, i + BATCH));
      }
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const round: (typeof rounds)[number] = { mode: on ? 'on' : 'off', eventsPerSecond: Math.round(EVENTS / seconds) };
      if (scanner) {
        const tailStart = process.hrtime.bigint();
        for (;;) {
          const [{ waiting }] = await ds.query(
            `SELECT count(*)::int AS waiting FROM message m WHERE NOT EXISTS
               (SELECT 1 FROM citizen_inbound_processed p WHERE p.organization_id = m.organization_id AND p.message_id = m.id)`,
          );
          if (waiting === 0) {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        round.tailSeconds = +(Number(process.hrtime.bigint() - tailStart) / 1e9).toFixed(2);
        await scanner.onModuleDestroy();
        round.acknowledgements = Number(
          (await ds.query(`SELECT count(*)::int AS n FROM citizen_notice WHERE kind = 'conversation_acknowledged'`))[0]
            .n,
        );
      }
      console.log(`round ${r + 1}${r < 0 ? ' (warm-up)' : ''}: ${JSON.stringify(round)}`);
      if (r >= 0) {
        rounds.push(round);
      }
    }
    const off = median(rounds.filter((r) => r.mode === 'off').map((r) => r.eventsPerSecond));
    const on = median(rounds.filter((r) => r.mode === 'on').map((r) => r.eventsPerSecond));
    const conversations = EVENTS / PER_CONVERSATION;
    const result = {
      events: EVENTS,
      batchSize: BATCH,
      rounds,
      conversationsPerRound: conversations,
      ackOffEventsPerSecond: off,
      ackOnEventsPerSecond: on,
      ratio: +(on / off).toFixed(3),
      scannerTailSecondsMedian: median(rounds.filter((r) => r.mode === 'on').map((r) => r.tailSeconds!)),
      acknowledgementsExactlyOnce: rounds
        .filter((r) => r.mode === 'on')
        .every((r) => r.acknowledgements === conversations),
      targets: { ratio: 0.9 },
    };
    console.log('\nIngest with the automatic acknowledgement off and on (batches of 100, PostgreSQL server)');
    console.table([
      { measure: 'ingest, acknowledgement off', 'events/s (median)': off, ratio: 1 },
      { measure: 'ingest, acknowledgement on + scanner', 'events/s (median)': on, ratio: result.ratio },
    ]);
    console.log(
      `scanner tail after the load: ${result.scannerTailSecondsMedian} s (median); acknowledgements exactly once per new conversation: ${result.acknowledgementsExactlyOnce}`,
    );
    console.log(`written: ${writeResult('ack', result)}`);
  } finally {
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
