import http from 'node:http';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededAccounts } from './inbox-seed';
import { createAccounts, inbound, ingestAll } from './inbox-seed';

/** An EventSource-like reader: collects `event:`/`data:` frames from the stream. */
function openStream(url: string): {
  events: { type: string; data: any }[];
  waitFor(pred: (e: { type: string; data: any }) => boolean, ms?: number): Promise<{ type: string; data: any }>;
  close(): void;
  status: Promise<number>;
} {
  const events: { type: string; data: any }[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let resolveStatus: (s: number) => void;
  const status = new Promise<number>((r) => (resolveStatus = r));
  const request = http.get(url, (response) => {
    resolveStatus(response.statusCode ?? 0);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        events.push({ type, data: data ? JSON.parse(data) : null });
        waiters.splice(0).forEach((w) => w());
      }
    });
  });
  request.on('error', () => undefined);
  return {
    events,
    status,
    close: () => request.destroy(),
    waitFor(pred, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`)),
          ms,
        );
        const check = () => {
          const found = events.find(pred);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
  };
}

describe('Live updates (GET /api/v1/events)', () => {
  let t: TestApp;
  let accounts: SeededAccounts;

  beforeAll(async () => {
    t = await startTestApp();
    accounts = await createAccounts(t, t.organizationId, 'sse');
  });
  afterAll(() => t.close());

  it('streams new messages and inbox changes of the own organization only', async () => {
    const other = await t.createOrganization('Diğer Belediye');
    const stranger = await t.createUser([UserRole.Admin], other.id);
    const otherAccounts = await createAccounts(t, other.id, 'sse-other');
    const mine = openStream(`${t.url}/api/v1/events?access_token=${t.adminToken}`);
    const theirs = openStream(`${t.url}/api/v1/events?access_token=${stranger.token}`);
    try {
      expect(await mine.status).toBe(200);
      await mine.waitFor((e) => e.type === 'ready');
      await theirs.waitFor((e) => e.type === 'ready');

      await ingestAll(t, [
        inbound(accounts.facebook, 'Çöp konteyneri taştı', { at: '2026-11-22T10:00:00Z', contactName: 'Ali Veli' }),
      ]);
      const changed = await mine.waitFor((e) => e.type === 'conversations.changed');
      expect(changed.data.organizationId).toBe(t.organizationId);
      const conversationId = changed.data.conversationIds[0];

      await t
        .http()
        .patch(`/api/v1/conversations/${conversationId}`)
        .set('Authorization', `Bearer ${t.adminToken}`)
        .send({ status: 'pending' })
        .expect(200);
      const updated = await mine.waitFor((e) => e.type === 'conversation.updated');
      expect(updated.data).toMatchObject({
        organizationId: t.organizationId,
        conversationIds: [conversationId],
        change: 'status',
      });

      // The other organization's own event arrives on its stream, proving it is live; ours never did.
      await ingestAll(t, [inbound(otherAccounts.facebook, 'Başka şehirden mesaj', { at: '2026-11-22T11:00:00Z' })]);
      await theirs.waitFor((e) => e.type === 'conversations.changed');
      expect(theirs.events.filter((e) => e.data?.organizationId === t.organizationId)).toEqual([]);
      expect(mine.events.filter((e) => e.data?.organizationId === other.id)).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('refuses a stream without a valid token', async () => {
    const stream = openStream(`${t.url}/api/v1/events?access_token=bozuk`);
    expect(await stream.status).toBe(401);
    stream.close();
  });
});
