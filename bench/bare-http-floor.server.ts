/**
 * The framework-free floor for the inbox bench: a plain `node:http` server, in its own process like
 * the api, answering GET /conversations with the same page the api serves (the same rarity probe
 * and page SQL through one `pg` client, the same row shape, the same cursor), with no auth,
 * validation, logging or framework. Its latency beside the api's says how much of the api's time
 * is the framework's and how much any HTTP hop on this machine costs.
 * Started by inbox.bench.ts; env: DATABASE_URL, FLOOR_ORGANIZATION_ID, FLOOR_USER_ID, FLOOR_CURSOR_SECRET.
 * Prints `listening <port>` once ready.
 */
import http from 'node:http';
import { Client } from 'pg';
import type { ConversationFilter, ConversationRow } from '@civic/inbox';
import {
  ConversationCursorCodec,
  conversationListSql,
  searchProbeSql,
  searchStrategy,
  toConversationView,
} from '@civic/inbox';

const organizationId = process.env.FLOOR_ORGANIZATION_ID!;
const userId = process.env.FLOOR_USER_ID!;
const codec = new ConversationCursorCodec(process.env.FLOOR_CURSOR_SECRET!);

/** Only what the bench's scenarios send; anything else is ignored (this is a measuring stick, not an API). */
function filterOf(query: URLSearchParams): ConversationFilter {
  const filter: ConversationFilter = {};
  for (const key of ['channel', 'status', 'kind', 'q'] as const) {
    const value = query.get(key);
    if (value) {
      (filter as Record<string, unknown>)[key] = value;
    }
  }
  if (query.get('unread') === 'true') {
    filter.unread = true;
  }
  return filter;
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://floor');
        const filter = filterOf(url.searchParams);
        const limit = Number(url.searchParams.get('limit') ?? 25);
        const cursor = url.searchParams.get('cursor');
        let search: 'collect' | 'walk' = 'collect';
        if (filter.q) {
          const probe = searchProbeSql(organizationId, filter.q);
          search = searchStrategy((await db.query(probe.sql, probe.params)).rows[0].n);
        }
        const { sql, params } = conversationListSql(
          organizationId,
          userId,
          filter,
          limit,
          cursor ? codec.decode(cursor) : undefined,
          search,
        );
        const rows: ConversationRow[] = (await db.query(sql, params)).rows;
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        const body = JSON.stringify({
          items: page.map((r) => toConversationView(r)),
          nextCursor: rows.length > limit && last ? codec.encode({ at: last.last_activity_key, id: last.id }) : null,
        });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      }
    })();
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
  process.on('SIGTERM', () => server.close(() => void db.end().then(() => process.exit(0))));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
