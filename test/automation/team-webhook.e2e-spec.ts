import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionOrigin } from '@civic/automation';
import { ConversationActionKind as K, ConversationActionRunner, TeamWebhookWorker } from '@civic/automation';
import { signCasePayload } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

/** A team's webhook receiver on loopback: records every POST and answers with the next queued status. */
class WebhookReceiver {
  readonly received: Received[] = [];
  statuses: number[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.statuses.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks/fen`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

describe('notify_team_webhook: a signed post to the team’s webhook, once, after the transaction', () => {
  const receiver = new WebhookReceiver();
  let t: TestApp;
  let accounts: SeededAccounts;
  let seq = 0;
  const rule: ActionOrigin = {
    kind: 'rule',
    ruleId: '0b7a1b52-0000-4000-8000-0000000000cc',
    ruleName: 'Çukur bildirimi',
  };
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  const conversation = async (text: string) => {
    seq += 1;
    const contactId = `90533000${String(seq).padStart(4, '0')}`;
    const at = new Date(Date.now() - 60_000).toISOString();
    await ingestAll(t, [inbound(accounts.whatsapp, text, { at, contactId, contactName: 'Zeynep Güneş' })]);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [`dm:${contactId}`]);
    return id as string;
  };
  const run = (conversationId: string, teamId: string) =>
    t.dataSource.transaction((m) =>
      t.app.get(ConversationActionRunner).run(m, {
        organizationId: t.organizationId,
        conversationId,
        messageId: null,
        origin: rule,
        actions: [{ kind: K.NotifyTeamWebhook, teamId }],
      }),
    );

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ withWorker: true });
    accounts = await createAccounts(t, t.organizationId, 'webhook');
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('refuses an address that is not an http(s) URL with a 400 naming the field', async () => {
    const res = await t
      .http()
      .post('/api/v1/teams')
      .set(admin())
      .send({ name: 'Hatalı adres', webhookUrl: 'ftp://sohbet.example/hook' })
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('webhookUrl must be an http(s) URL');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM team WHERE name = 'Hatalı adres'`);
    expect(n).toBe(0);
  });

  it('posts the signed notice once; the secret is shown only in the answer that made it', async () => {
    const officer = await t.createUser([UserRole.Officer]);
    const created = await t
      .http()
      .post('/api/v1/teams')
      .set(admin())
      .send({ name: 'Fen İşleri Nöbet', memberIds: [officer.user.id], webhookUrl: receiver.url })
      .expect(201);
    const secret: string = created.body.webhookSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const listed = await t.http().get('/api/v1/teams').set(admin()).expect(200);
    const team = listed.body.find((x: { id: string }) => x.id === created.body.id);
    expect(team).toMatchObject({ webhookUrl: receiver.url, hasWebhookSecret: true });
    expect(team.webhookSecret).toBeUndefined();

    const id = await conversation('Talas Caddesi’nde büyük bir çukur var');
    expect(await run(id, created.body.id)).toEqual([{ kind: 'notify_team_webhook', result: 'done' }]);
    await eventually(async () => receiver.received.length === 1, 20_000);
    const [post] = receiver.received;
    expect(post.headers['x-civic-signature']).toBe(signCasePayload(post.raw, secret));
    expect(post.headers['x-civic-event']).toBe('team.notified');
    const body = JSON.parse(post.raw);
    expect(post.headers['x-civic-delivery']).toBe(body.deliveryId);
    expect(body).toMatchObject({
      event: 'team.notified',
      team: { id: created.body.id, name: 'Fen İşleri Nöbet' },
      origin: { kind: 'rule', name: 'Çukur bildirimi' },
      preview: 'Talas Caddesi’nde büyük bir çukur var',
      urgency: null,
    });
    expect(body.text).toContain('Fen İşleri Nöbet: yeni bir konuşma sizi bekliyor (Kural: Çukur bildirimi)');
    expect(body.conversationUrl).toContain(`/inbox/${id}`);
    // Nothing else arrives: one action, one post.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received).toHaveLength(1);
  });

  it('a new address gets a new secret; removing the address fails the action with its reason', async () => {
    const created = await t
      .http()
      .post('/api/v1/teams')
      .set(admin())
      .send({ name: 'Zabıta Masası', webhookUrl: receiver.url })
      .expect(201);
    const moved = await t
      .http()
      .patch(`/api/v1/teams/${created.body.id}`)
      .set(admin())
      .send({ webhookUrl: `${receiver.url}/yeni` })
      .expect(200);
    expect(moved.body.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(moved.body.webhookSecret).not.toBe(created.body.webhookSecret);
    const renamed = await t
      .http()
      .patch(`/api/v1/teams/${created.body.id}`)
      .set(admin())
      .send({ description: 'Gece vardiyası' })
      .expect(200);
    expect(renamed.body.webhookSecret).toBeUndefined();
    await t.http().patch(`/api/v1/teams/${created.body.id}`).set(admin()).send({ webhookUrl: null }).expect(200);

    const before = receiver.received.length;
    const id = await conversation('Pazar yerinde seyyar satıcı şikâyeti');
    expect(await run(id, created.body.id)).toEqual([
      { kind: 'notify_team_webhook', result: 'failed', reason: 'no_team_webhook' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.length).toBe(before);
  });

  it('asks for a retry on 5xx, 408, 429 and no answer; gives up on another 4xx and after the last attempt', async () => {
    const created = await t
      .http()
      .post('/api/v1/teams')
      .set(admin())
      .send({ name: 'Su Arıza Masası', webhookUrl: receiver.url })
      .expect(201);
    const worker = t.app.get(TeamWebhookWorker);
    const job = (deliveryId: string) => ({
      organizationId: t.organizationId,
      teamId: created.body.id,
      body: {
        text: 'Su Arıza Masası: deneme',
        event: 'team.notified' as const,
        deliveryId,
        team: { id: created.body.id, name: 'Su Arıza Masası' },
        origin: { kind: 'rule' as const, name: 'Deneme' },
        account: null,
        preview: null,
        urgency: null,
        conversationUrl: '/inbox/x',
      },
    });
    for (const status of [503, 408, 429]) {
      receiver.statuses = [status];
      await expect(worker.deliver(job(`retry-${status}`), false)).rejects.toThrow(`HTTP ${status}`);
    }
    receiver.statuses = [410];
    await expect(worker.deliver(job('gone'), false)).resolves.toBeUndefined();
    receiver.statuses = [503];
    await expect(worker.deliver(job('last'), true)).resolves.toBeUndefined();
    await t
      .http()
      .patch(`/api/v1/teams/${created.body.id}`)
      .set(admin())
      .send({ webhookUrl: 'http://127.0.0.1:9/yok' })
      .expect(200);
    await expect(worker.deliver(job('refused'), false)).rejects.toThrow('ECONNREFUSED');
  });
});
