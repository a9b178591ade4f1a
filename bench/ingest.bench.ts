/**
 * npm run bench:ingest — ingest throughput in batches of 100 on the PostgreSQL server, beside the
 * raw ceiling measured in the same run: a multi-row INSERT … ON CONFLICT DO NOTHING of the same
 * message rows with plain `pg` into a copy of the message table (same indexes).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuditService } from '@civic/audit';
import type { MessageEvent } from '@civic/channels-core';
import {
  Channel,
  ChannelAccount,
  ConversationKind,
  foldForSearch,
  MessageDirection,
  MessageKind,
  Organization,
} from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { MessageStore } from '@civic/messages';
import { createBenchDatabase, writeResult } from './bench-database';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);
const BATCH = 100;
const WORDS = [
  'çukur',
  'sokak',
  'lamba',
  'çöp',
  'su',
  'arıza',
  'park',
  'otobüs',
  'kaldırım',
  'ağaç',
  'gürültü',
  'Şişli',
  'İzmir',
  'Bornova',
];

function events(accountExternalId: string): MessageEvent[] {
  const base = Date.UTC(2026, 10, 1);
  return Array.from({ length: EVENTS }, (_, i) => {
    const direct = i % 3 !== 0;
    const citizen = `user-${i % 5000}`;
    return {
      type: 'message',
      channel: Channel.WhatsApp,
      accountExternalId,
      occurredAt: new Date(base + i * 1000),
      externalId: `wamid.bench-${i}`,
      direction: MessageDirection.Inbound,
      kind: direct ? MessageKind.Dm : MessageKind.Comment,
      text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} hakkında başvuru ${i}: lütfen ilgilenin`,
      contact: {
        externalId: citizen,
        name: `Vatandaş ${i % 5000}`,
        phone: `90555${String(i % 5000).padStart(7, '0')}`,
      },
      thread: direct
        ? { kind: ConversationKind.Direct, key: `dm:${citizen}` }
        : { kind: ConversationKind.Public, key: `post:${i % 2000}`, rootExternalId: `post-${i % 2000}` },
      replyWindowExpiresAt: direct ? new Date(base + i * 1000 + 86_400_000) : undefined,
    } satisfies MessageEvent;
  });
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase('ingest');
  try {
    const org = await bench.dataSource.getRepository(Organization).save({ name: 'Bench Belediyesi', slug: 'bench' });
    const account = await bench.dataSource.getRepository(ChannelAccount).save({
      organizationId: org.id,
      channel: Channel.WhatsApp,
      externalId: '106540352242922',
      name: 'Bench WhatsApp',
    });
    const all = events(account.externalId);
    const batches: MessageEvent[][] = [];
    for (let i = 0; i < all.length; i += BATCH) {
      batches.push(all.slice(i, i + BATCH));
    }

    // Raw ceiling: the same rows, one multi-row statement per batch, plain pg, no contacts/conversations.
    const client = new Client({ connectionString: bench.url });
    await client.connect();
    await client.query(`CREATE TABLE message_raw (LIKE message INCLUDING ALL)`);
    const conversationIds = Array.from({ length: 7000 }, () => randomUUID());
    const contactIds = Array.from({ length: 5000 }, () => randomUUID());
    const rawStart = process.hrtime.bigint();
    for (const batch of batches) {
      const values: unknown[] = [];
      const rows = batch.map((e, j) => {
        const n = Number(e.externalId.split('-')[1]);
        values.push(
          org.id,
          e.channel,
          account.id,
          conversationIds[n % 7000],
          e.externalId,
          e.direction,
          e.kind,
          e.text,
          foldForSearch(e.text),
          '[]',
          contactIds[n % 5000],
          e.occurredAt,
        );
        const o = j * 12;
        return `($${o + 1},$${o + 2},$${o + 3},$${o + 4},$${o + 5},$${o + 6},$${o + 7},$${o + 8},$${o + 9},$${o + 10}::jsonb,$${o + 11},$${o + 12})`;
      });
      await client.query(
        `INSERT INTO message_raw (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, search_text, attachments, contact_id, sent_at)
         VALUES ${rows.join(',')} ON CONFLICT DO NOTHING`,
        values,
      );
    }
    const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;
    await client.end();

    const ingest = new IngestService(bench.dataSource, new AuditService(bench.dataSource), new MessageStore());
    const run = async () => {
      const start = process.hrtime.bigint();
      let stored = 0;
      for (const batch of batches) {
        stored += (await ingest.ingest(batch)).stored;
      }
      return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stored };
    };
    const first = await run();
    const countAfterFirst = Number((await bench.dataSource.query(`SELECT count(*) AS n FROM message`))[0].n);
    const replay = await run();
    const countAfterReplay = Number((await bench.dataSource.query(`SELECT count(*) AS n FROM message`))[0].n);

    const raw = EVENTS / rawSeconds;
    const ingestRate = EVENTS / first.seconds;
    const replayRate = EVENTS / replay.seconds;
    const result = {
      events: EVENTS,
      batchSize: BATCH,
      rawCeilingRowsPerSecond: Math.round(raw),
      ingestEventsPerSecond: Math.round(ingestRate),
      ingestRatio: +(ingestRate / raw).toFixed(3),
      replayEventsPerSecond: Math.round(replayRate),
      replayRatio: +(replayRate / raw).toFixed(3),
      rowsStoredFirstRun: first.stored,
      rowsAddedByReplay: countAfterReplay - countAfterFirst,
      targets: { ingestRatio: 0.35, replayRatio: 0.5, rowsAddedByReplay: 0 },
    };
    console.log('\nIngest benchmark (batches of 100, PostgreSQL server)');
    console.table([
      { measure: 'raw INSERT … ON CONFLICT (pg)', 'events/s': result.rawCeilingRowsPerSecond, ratio: 1 },
      {
        measure: 'ingest (contacts + conversations + messages)',
        'events/s': result.ingestEventsPerSecond,
        ratio: result.ingestRatio,
      },
      { measure: 'replay of the same events', 'events/s': result.replayEventsPerSecond, ratio: result.replayRatio },
    ]);
    console.log(`rows stored: ${first.stored}; rows added by the replay: ${result.rowsAddedByReplay}`);
    console.log(`written: ${writeResult('ingest', result)}`);
  } finally {
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
