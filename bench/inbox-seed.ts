import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { foldForSearch } from '@civic/domain';
import { INBOX_STATS_RECOMPUTED_SQL } from '@civic/inbox';

export const MESSAGES_PER_CONVERSATION = 5;
export const RARE_TERM = 'Zeytinburnu';
export const COMMON_TERM = 'çukur';

/** The definition the conversation's kept response times follow (as in their migration's backfill). */
const KEPT_RESPONSE_TIMES_SQL = [
  `UPDATE conversation c SET first_inbound_at = f.at
     FROM (SELECT conversation_id, min(sent_at) AS at FROM message WHERE direction = 'in' GROUP BY conversation_id) f
    WHERE c.id = f.conversation_id`,
  `UPDATE conversation c SET (first_response_at, first_response_user_id) = (
      SELECT m.sent_at, m.author_user_id FROM message m
       WHERE m.conversation_id = c.id AND m.direction = 'out' AND m.sent_at > c.first_inbound_at
       ORDER BY m.sent_at, m.id LIMIT 1)
    WHERE c.first_inbound_at IS NOT NULL`,
  `UPDATE conversation c SET (resolved_at, resolved_by_user_id) = (
      SELECT ca.created_at, ca.actor_user_id FROM conversation_activity ca
       WHERE ca.conversation_id = c.id AND ca.type = 'status' AND ca.data->>'to' IN ('resolved', 'closed')
         AND ca.created_at > c.first_inbound_at
       ORDER BY ca.created_at, ca.id LIMIT 1)
    WHERE c.first_inbound_at IS NOT NULL`,
];

/**
 * Seeds `conversations` conversations of five messages each (four from the citizen, the fifth an
 * officer's answer), a close or resolve for two in five, and derives the conversations' kept
 * response times with the same definition as their migration, and their daily rollup (the
 * statistics read those).
 */
export async function seedInbox(
  db: Client,
  organizationId: string,
  conversations: number,
  officerIds: string[],
): Promise<void> {
  const started = performance.now();
  const accounts = await db.query(
    `INSERT INTO channel_account (organization_id, channel, external_id, name, owner_label)
     SELECT $1, ch, 'bench-' || ch, initcap(ch) || ' Belediye', 'Belediye' FROM unnest(ARRAY['facebook','instagram','twitter','whatsapp']) AS ch
     RETURNING id, channel`,
    [organizationId],
  );
  const accountIds = accounts.rows.map((r) => r.id);
  const channels = accounts.rows.map((r) => r.channel);
  const first = [
    'Ayşe',
    'Mehmet',
    'Fatma',
    'Mustafa',
    'Emine',
    'Ahmet',
    'Hatice',
    'Ali',
    'Zeynep',
    'Hüseyin',
    'Elif',
    'İbrahim',
    'Şükrü',
    'Gülşen',
    'Öznur',
  ];
  const last = [
    'Yılmaz',
    'Kaya',
    'Demir',
    'Şahin',
    'Çelik',
    'Yıldız',
    'Yıldırım',
    'Öztürk',
    'Aydın',
    'Özdemir',
    'Arslan',
    'Doğan',
    'Kılıç',
    'Aslan',
    'Çetin',
  ];
  // Texts: COMMON_TERM appears in every fourth message; RARE_TERM in 20 messages in all.
  const phrases = [
    'Su kesintisi ne zaman bitecek',
    'Çöp konteyneri taştı',
    'Sokak lambası yanmıyor',
    'Park bakımı yapılmalı',
    'Otobüs saatleri değişti mi',
    'Kaldırım işgal ediliyor',
    'Gürültü şikâyeti',
    'Teşekkürler, ekipler geldi',
  ];
  const texts = phrases.map((p) => p);
  const commonTexts = phrases.map((p) => `${p}, ayrıca yolda büyük bir Çukur var`);
  await db.query('DROP INDEX IF EXISTS ix_message_search_trgm');
  await db.query('DROP INDEX IF EXISTS ix_contact_search_trgm');
  await db.query(
    `INSERT INTO contact (organization_id, channel_account_id, channel, channel_user_id, name, handle, search_text)
     SELECT $1, ($2::uuid[])[1 + i % 4], ($3::text[])[1 + i % 4], 'u' || i, n.name, 'vatandas' || i, n.folded || ' vatandas' || i
       FROM generate_series(0, $4 - 1) AS i,
            LATERAL (SELECT ($5::text[])[1 + i % 15] || ' ' || ($6::text[])[1 + (i / 15) % 15] AS name,
                            ($7::text[])[1 + i % 15] || ' ' || ($8::text[])[1 + (i / 15) % 15] AS folded) n`,
    [
      organizationId,
      accountIds,
      channels,
      conversations,
      first,
      last,
      first.map(foldForSearch),
      last.map(foldForSearch),
    ],
  );
  // One conversation per contact; activity spread over ~a year, several sharing a second.
  await db.query(
    `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, contact_id, status, tags,
                               last_activity_at, last_inbound_at, last_message_preview, message_count, unread_count)
     SELECT $1, c.channel_account_id, c.channel, CASE WHEN n % 3 = 0 THEN 'public' ELSE 'direct' END, 'bench:' || n, c.id,
            (ARRAY['open','open','pending','resolved','closed'])[1 + n % 5],
            CASE WHEN n % 10 = 0 THEN ARRAY['altyapı'] ELSE '{}'::text[] END,
            timestamptz '2026-01-01' + (n / 2) * interval '80 seconds', timestamptz '2026-01-01' + (n / 2) * interval '80 seconds',
            'Son mesaj ' || n, ${MESSAGES_PER_CONVERSATION}, n % 3
       FROM (SELECT c.*, row_number() OVER (ORDER BY c.channel_user_id) - 1 AS n FROM contact c WHERE c.organization_id = $1) c`,
    [organizationId],
  );
  await db.query(
    `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, search_text,
                          contact_id, sent_at, author_user_id)
     SELECT $1, v.channel, v.channel_account_id, v.id, 'bench-' || v.k || '-' || j, CASE WHEN j = 4 THEN 'out' ELSE 'in' END, 'dm',
            t.text, t.folded, v.contact_id, v.last_activity_at - (4 - j) * interval '10 seconds',
            CASE WHEN j = 4 THEN ($8::uuid[])[1 + v.k % cardinality($8::uuid[])] END
       FROM (SELECT c.*, row_number() OVER () AS k FROM conversation c WHERE c.organization_id = $1) v,
            generate_series(0, ${MESSAGES_PER_CONVERSATION - 1}) AS j,
            LATERAL (SELECT CASE
                       WHEN (v.k * 5 + j) % 50000 = 7 THEN ($2::text[])[1 + j % 8] || ' — ' || $6
                       WHEN (v.k * 5 + j) % 4 = 0 THEN ($3::text[])[1 + (v.k + j) % 8]
                       ELSE ($2::text[])[1 + (v.k + j) % 8] END AS text) raw,
            LATERAL (SELECT raw.text, CASE
                       WHEN (v.k * 5 + j) % 50000 = 7 THEN ($4::text[])[1 + j % 8] || ' — ' || $7
                       WHEN (v.k * 5 + j) % 4 = 0 THEN ($5::text[])[1 + (v.k + j) % 8]
                       ELSE ($4::text[])[1 + (v.k + j) % 8] END AS folded) t`,
    [
      organizationId,
      texts,
      commonTexts,
      texts.map(foldForSearch),
      commonTexts.map(foldForSearch),
      RARE_TERM,
      foldForSearch(RARE_TERM),
      officerIds,
    ],
  );
  // Two in five conversations were closed or resolved by an officer, from minutes to a few hours after the answer.
  await db.query(
    `INSERT INTO conversation_activity (organization_id, conversation_id, actor_user_id, type, data, created_at)
     SELECT $1, c.id, ($2::uuid[])[1 + k % cardinality($2::uuid[])], 'status', jsonb_build_object('to', c.status),
            c.last_activity_at + (5 + k % 240) * interval '1 minute'
       FROM (SELECT c.*, row_number() OVER () AS k FROM conversation c
              WHERE c.organization_id = $1 AND c.status IN ('resolved', 'closed')) c`,
    [organizationId, officerIds],
  );
  // A bulk load: the rollup's trigger is off while the kept times are derived, then the rollup is
  // built in one statement from them, as the migration's backfill does (the bench checks it after).
  await db.query('ALTER TABLE conversation DISABLE TRIGGER USER');
  for (const sql of KEPT_RESPONSE_TIMES_SQL) {
    await db.query(sql);
  }
  await db.query('ALTER TABLE conversation ENABLE TRIGGER USER');
  await db.query(
    `INSERT INTO inbox_stats_day (organization_id, day, measure, channel_account_id, channel, user_id, buckets)
     SELECT organization_id, day, measure, channel_account_id, channel, user_id, buckets FROM (${INBOX_STATS_RECOMPUTED_SQL}) r`,
    [organizationId],
  );
  // Same definitions as the initial migration, built once after the bulk load.
  await db.query('CREATE INDEX ix_message_search_trgm ON message USING gin (search_text gin_trgm_ops)');
  await db.query('CREATE INDEX ix_contact_search_trgm ON contact USING gin (search_text gin_trgm_ops)');
  await db.query('VACUUM ANALYZE');
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM message')).rows;
  console.log(
    `seeded ${n} messages in ${conversations} conversations in ${Math.round((performance.now() - started) / 1000)} s`,
  );
}
