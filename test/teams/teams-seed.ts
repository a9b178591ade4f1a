import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { TestApp } from '../support/test-app';

/** An open web inbox: the live stream that makes an officer online. Resolves once the stream is ready. */
export async function goOnline(t: TestApp, token: string): Promise<{ close(): void }> {
  let request!: http.ClientRequest;
  await new Promise<void>((resolve, reject) => {
    request = http.get(`${t.url}/api/v1/events?access_token=${token}`, (response) => {
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes('event: ready')) {
          resolve();
        }
      });
    });
    request.on('error', reject);
  });
  return { close: () => request.destroy() };
}

/** Conversations on one account, oldest first (created a second apart). */
export async function createConversations(t: TestApp, accountId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [row] = await t.dataSource.query(
      `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, status, last_activity_at, created_at)
       VALUES ($1, $2, 'whatsapp', 'direct', $3, 'open', now(), now() - make_interval(secs => $4)) RETURNING id`,
      [t.organizationId, accountId, `dm:${randomBytes(6).toString('hex')}`, 1000 - i],
    );
    ids.push(row.id);
  }
  return ids;
}

export async function assignees(t: TestApp, ids: string[]): Promise<(string | null)[]> {
  const rows: { id: string; assignee_id: string | null }[] = await t.dataSource.query(
    `SELECT id, assignee_id FROM conversation WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return ids.map((id) => rows.find((r) => r.id === id)!.assignee_id);
}
