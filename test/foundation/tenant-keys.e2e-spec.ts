import { Client } from 'pg';
import type { TestDatabase } from '@civic/testing';
import { createTestDatabase } from '@civic/testing';

/**
 * Scale-out readiness (docs/adr/0002-scale-out.md): sharding by tenant (Citus, distributed by
 * `organization_id`) needs every tenant table to carry `organization_id` and every primary and
 * unique key of it to include that column. Read from the migrated schema, not from the entities.
 * Every exception below is listed in the ADR with its reason; an exception that no longer applies fails too.
 */

/** Not tenant data: reference or coordinator-local tables in a sharded deployment. */
const GLOBAL_TABLES: Record<string, string> = {
  organization: 'the tenant itself; its id is the distribution value of every other table',
  schema_migration: 'TypeORM migration bookkeeping, one per installation',
  signing_key: 'export signing keys of the installation',
  api_rate_counter: 'rate-limit windows keyed by client, before any tenant is known',
  login_attempt: 'sign-in throttling by e-mail and address, before the tenant is known',
  passkey_challenge: 'WebAuthn challenges issued before the user (and so the tenant) is known',
  webhook_inbox: 'raw channel deliveries, accepted before they are routed to a tenant',
  worker_lease: 'worker processes of the installation',
  worker_lease_job: 'queue jobs held by a worker lease (pg-boss side)',
};

/** Tenant tables that do not carry organization_id yet (writers outside this change). */
const MISSING_ORGANIZATION_ID: Record<string, string> = {
  channel_send_pace: 'keyed by channel_account_id; its writer (libs/replies send-rate limiter) is being reworked',
  user_recovery_code: 'keyed by user_id; the two-factor writer must add the column (auth work in progress)',
};

/**
 * Tenant tables whose primary key is the uuid `id` alone. Each becomes (organization_id, id) together
 * with composite foreign keys in the distribution migration (ADR 0002, "Cost"): one step for all.
 */
const SURROGATE_ID_KEY = new Set([
  'api_token',
  'app_user',
  'audit_event',
  'canned_response',
  'case_category',
  'case_forward',
  'case_history',
  'channel_account',
  'civic_case',
  'contact',
  'conversation',
  'conversation_activity',
  'deferred_message_update',
  'department',
  'export_job',
  'internal_note',
  'mention',
  'mention_alert',
  'mention_digest',
  'mention_notification',
  'mention_watchlist',
  'message',
  'refresh_token',
  'reply_idempotency_key',
  'routing_rule',
  'user_passkey',
  'user_recovery_code',
  'user_session',
]);

/** Other keys without organization_id (unique index name, or `table:primary`), each with why the fix is not cheap today. */
const KEYS_NOT_YET_SCOPED: Record<string, string> = {
  // Looked up before the tenant is known: need a global directory (reference) table first.
  uq_app_user_email: 'sign-in finds the user by e-mail alone; needs an e-mail -> organization directory',
  uq_api_token_hash: 'a bearer token is resolved by its hash alone; needs a token-hash directory',
  uq_refresh_token_hash: 'a refresh token is resolved by its hash alone; needs a token-hash directory',
  uq_user_passkey_credential: 'WebAuthn sign-in resolves the credential id alone; needs a credential directory',
  uq_channel_account_external: 'webhooks are routed by (channel, page id) to the account; needs a routing directory',
  uq_civic_case_public_id:
    "a request's public page (/r/:publicId) carries no organization; needs a public-id directory",
  'sso_login_code:primary':
    'the one-time code is exchanged by its hash alone; needs a directory or organization in the exchange',
  // Upsert targets in code another change is moving right now (ingest split, retention store).
  uq_contact_account_user: 'ingest upserts ON CONFLICT (channel_account_id, channel_user_id); after the ingest split',
  uq_conversation_thread: 'ingest upserts ON CONFLICT (channel_account_id, thread_key); after the ingest split',
  uq_deferred_message_update:
    'ingest inserts ON CONFLICT (channel_account_id, external_id, event_key); after the ingest split',
  'conversation_erasure:primary': 'retention upserts ON CONFLICT (conversation_id); after the retention split',
  'channel_send_pace:primary': 'no organization_id column yet (see above)',
  'user_two_factor:primary': 'two-factor upserts by user_id alone; auth work in progress',
  uq_user_recovery_code: 'no organization_id column yet (see above)',
};

interface Key {
  table: string;
  index: string;
  primary: boolean;
  columns: string[];
}

/** Primary keys by table (their constraint names are generated), other keys by index name. */
const keyName = (k: Key) => (k.primary ? `${k.table}:primary` : k.index);

describe('Tenant keys (scale-out readiness, ADR 0002)', () => {
  let db: TestDatabase;
  let client: Client;
  let tables: Map<string, string[]>;
  let keys: Key[];

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    const columns = await client.query<{ table: string; column: string }>(
      `SELECT c.relname AS table, a.attname AS column
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    tables = new Map();
    for (const r of columns.rows) {
      tables.set(r.table, [...(tables.get(r.table) ?? []), r.column]);
    }
    // Unique indexes cover primary keys, unique constraints and partial unique indexes alike.
    const rows = await client.query<{ table: string; index: string; primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS index, x.indisprimary AS primary,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique`,
    );
    keys = rows.rows;
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const tenantTables = () => [...tables.keys()].filter((t) => !(t in GLOBAL_TABLES)).sort();

  it('reads a migrated schema', () => {
    expect(tables.has('message')).toBe(true);
    expect(keys.some((k) => k.table === 'message' && k.primary)).toBe(true);
  });

  it('every tenant table carries organization_id', () => {
    const missing = tenantTables().filter((t) => !tables.get(t)!.includes('organization_id'));
    expect(missing.sort()).toEqual(Object.keys(MISSING_ORGANIZATION_ID).sort());
  });

  it('every primary and unique key of a tenant table includes organization_id', () => {
    const tenant = new Set(tenantTables());
    const unscoped = keys.filter((k) => tenant.has(k.table) && !k.columns.includes('organization_id'));
    const surrogate = unscoped.filter((k) => k.primary && k.columns.length === 1 && k.columns[0] === 'id');
    const other = unscoped.filter((k) => !surrogate.includes(k));
    expect(surrogate.map((k) => k.table).sort()).toEqual([...SURROGATE_ID_KEY].sort());
    const describeKey = (k: Key) => `${keyName(k)} (${k.columns.join(', ')})`;
    expect(other.map(describeKey).sort()).toEqual(
      other
        .filter((k) => keyName(k) in KEYS_NOT_YET_SCOPED)
        .map(describeKey)
        .sort(),
    );
    // Stale exceptions fail too, so the lists (and the ADR) shrink as keys are fixed.
    expect(Object.keys(KEYS_NOT_YET_SCOPED).filter((name) => !other.some((k) => keyName(k) === name))).toEqual([]);
  });

  it('every global table is still in the schema', () => {
    expect(Object.keys(GLOBAL_TABLES).filter((t) => !tables.has(t))).toEqual([]);
  });
});
