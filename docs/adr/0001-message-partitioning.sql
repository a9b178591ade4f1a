-- Reproduces the figures of 0001-message-partitioning.md on an empty, migrated database:
--   psql "$URL" -f docs/adr/0001-message-partitioning.sql
-- Seed: 1 organization, 4 accounts, 20k contacts, 100k conversations, 1M messages over 13 months.
\timing on
INSERT INTO organization (id, slug, name) VALUES ('00000000-0000-0000-0000-000000000001', 'adr', 'ADR Belediyesi');
INSERT INTO channel_account (id, organization_id, channel, external_id, name)
SELECT ('00000000-0000-0000-0001-00000000000' || i)::uuid, '00000000-0000-0000-0000-000000000001',
       (ARRAY['facebook','instagram','whatsapp','twitter'])[i], 'acc' || i, 'Hesap ' || i FROM generate_series(1,4) i;
INSERT INTO contact (id, organization_id, channel_account_id, channel, channel_user_id, name)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', ('00000000-0000-0000-0001-00000000000' || (1 + i % 4))::uuid,
       (ARRAY['facebook','instagram','whatsapp','twitter'])[1 + i % 4], 'u' || i, 'Vatandaş ' || i FROM generate_series(0, 19999) i;
CREATE TEMP TABLE c AS SELECT row_number() OVER () - 1 AS n, id, channel_account_id, channel FROM contact;
INSERT INTO conversation (id, organization_id, channel_account_id, channel, kind, thread_key, contact_id, last_activity_at, message_count)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', c.channel_account_id, c.channel, 'dm', 't' || i, c.id,
       now() - (i % 365) * interval '1 day', 10
  FROM generate_series(0, 99999) i JOIN c ON c.n = i % 20000;
CREATE TEMP TABLE cv AS SELECT row_number() OVER () - 1 AS n, id, channel_account_id, channel, contact_id FROM conversation;
CREATE INDEX ON cv (n);
INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, search_text, contact_id, sent_at, received_at,
                     delivery_state, delivery_error, delivery_updated_at)
SELECT '00000000-0000-0000-0000-000000000001', cv.channel, cv.channel_account_id, cv.id, 'm' || i,
       CASE WHEN i % 5 = 0 THEN 'out' ELSE 'in' END, 'dm',
       'Merhaba, sokağımızdaki çukur hâlâ duruyor, lütfen ilgilenin. Mesaj ' || i,
       'merhaba, sokagimizdaki cukur hala duruyor, lutfen ilgilenin. mesaj ' || i, cv.contact_id,
       now() - (i::float / 1000000) * interval '365 days', now() - (i::float / 1000000) * interval '365 days',
       CASE WHEN i % 5 = 0 THEN (CASE WHEN i % 500 = 0 THEN 'failed' ELSE 'delivered' END) END,
       CASE WHEN i % 500 = 0 THEN '{"code": 131047, "title": "Re-engagement message"}'::jsonb END,
       CASE WHEN i % 5 = 0 THEN now() - (i::float / 1000000) * interval '365 days' END
  FROM generate_series(0, 999999) i JOIN cv ON cv.n = i % 100000;
VACUUM ANALYZE message; VACUUM ANALYZE conversation; VACUUM ANALYZE contact;

-- Sizes and plans on the unpartitioned table
SELECT pg_size_pretty(pg_relation_size('message')) AS heap, pg_size_pretty(pg_indexes_size('message')) AS indexes, pg_size_pretty(pg_total_relation_size('message')) AS total;
SELECT id AS conv FROM conversation ORDER BY id LIMIT 1 \gset
SELECT id AS acc FROM channel_account WHERE channel = 'facebook' \gset
EXPLAIN (ANALYZE, BUFFERS) SELECT m.id, m.sent_at, m.text FROM message m WHERE m.organization_id = '00000000-0000-0000-0000-000000000001' AND m.conversation_id = :'conv' ORDER BY m.sent_at, m.id;
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM message WHERE organization_id = '00000000-0000-0000-0000-000000000001' AND channel = 'facebook' AND channel_account_id = :'acc' AND external_id = 'm4';
EXPLAIN (ANALYZE, BUFFERS) SELECT id, received_at FROM message WHERE organization_id = '00000000-0000-0000-0000-000000000001' AND (received_at, id) > (now() - interval '180 days', '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY received_at, id LIMIT 500;
EXPLAIN (ANALYZE, BUFFERS) SELECT channel, coalesce(delivery_error->>'code', 'unknown') AS reason, count(*)::int FROM message WHERE delivery_state = 'failed' AND delivery_updated_at >= now() - make_interval(hours => 24) GROUP BY 1, 2;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int AS n FROM (SELECT 1 FROM message m WHERE m.organization_id = '00000000-0000-0000-0000-000000000001' AND m.search_text LIKE '%mesaj 99999%' LIMIT 2000) x;
BEGIN;
EXPLAIN (ANALYZE, BUFFERS) DELETE FROM message WHERE sent_at >= date_trunc('month', now() - interval '12 months') AND sent_at < date_trunc('month', now() - interval '11 months');
ROLLBACK;

-- The same rows, range-partitioned by month
CREATE TABLE message_p (LIKE message INCLUDING DEFAULTS) PARTITION BY RANGE (sent_at);
SELECT format('CREATE TABLE message_p_%s PARTITION OF message_p FOR VALUES FROM (%L) TO (%L)', to_char(m, 'YYYYMM'), m, m + interval '1 month')
  FROM generate_series(date_trunc('month', now() - interval '13 months'), date_trunc('month', now()), interval '1 month') m \gexec
-- the unique key as it is today: refused on a partitioned table
ALTER TABLE message_p ADD CONSTRAINT uq_p_external UNIQUE (organization_id, channel, channel_account_id, external_id);
-- with the partition key added
ALTER TABLE message_p ADD CONSTRAINT uq_p_external_sent UNIQUE (organization_id, channel, channel_account_id, external_id, sent_at);
INSERT INTO message_p SELECT * FROM message;
CREATE INDEX ON message_p (conversation_id, sent_at, id);
CREATE INDEX ON message_p (organization_id, received_at, id);
VACUUM ANALYZE message_p;
SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS total, count(*) AS partitions FROM pg_inherits WHERE inhparent = 'message_p'::regclass;
EXPLAIN (ANALYZE, BUFFERS) SELECT m.id, m.sent_at, m.text FROM message_p m WHERE m.organization_id = '00000000-0000-0000-0000-000000000001' AND m.conversation_id = :'conv' ORDER BY m.sent_at, m.id;
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM message_p WHERE organization_id = '00000000-0000-0000-0000-000000000001' AND channel = 'facebook' AND channel_account_id = :'acc' AND external_id = 'm4';
-- idempotency: the same channel message redelivered with another timestamp is accepted twice
BEGIN;
INSERT INTO message_p (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, sent_at)
SELECT organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, sent_at + interval '40 days' FROM message_p WHERE external_id = 'm999000'
ON CONFLICT (organization_id, channel, channel_account_id, external_id, sent_at) DO NOTHING;
SELECT count(*) AS copies_of_m999000 FROM message_p WHERE external_id = 'm999000';
ROLLBACK;
-- retention by dropping the month deleted above
SELECT format('message_p_%s', to_char(now() - interval '12 months', 'YYYYMM')) AS month_partition \gset
BEGIN;
ALTER TABLE message_p DETACH PARTITION :month_partition;
DROP TABLE :month_partition;
ROLLBACK;
DROP TABLE message_p;
