import { createHmac } from 'node:crypto';
import { messagingEnvelope, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { SeededOrganization } from './security-seed';
import { seedOrganization } from './security-seed';

jest.setTimeout(120_000);

const META_SECRET = 'test-app-secret';
const X_SECRET = 'x-consumer-secret';
/** A lone high and a lone low surrogate: valid JSON escapes, not valid Unicode, refused by jsonb. */
const HIGH = '\ud800';
const LOW = '\udc00';
const FFFD = '\uFFFD';
/** Bidi controls and zero-width characters, as a probe would put them in a name. */
const RTL_OVERRIDE = '\u202E';
const ZERO_WIDTH = '\u200B\u200D\uFEFF';

describe('Hostile strings: lone surrogates, NUL, bidi controls and zero-width characters', () => {
  let t: TestApp;
  let a: SeededOrganization;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ config: { TWITTER_CONSUMER_KEY: 'x-consumer-key', TWITTER_CONSUMER_SECRET: X_SECRET } });
    a = await seedOrganization(t, t.organizationId, 'hs');
    auth = { Authorization: `Bearer ${a.adminToken}` };
    // Inside WhatsApp's 24-hour window, so a text reply would be accepted and queued.
    await t.dataSource.query(
      `UPDATE conversation SET reply_window_expires_at = now() + interval '1 day' WHERE id = $1`,
      [a.conversationId],
    );
  });
  afterAll(() => t?.close());

  const storedText = async (externalId: string) =>
    (
      await t.dataSource.query(
        `SELECT m.text, c.name FROM message m JOIN contact c ON c.id = m.contact_id WHERE m.external_id = $1`,
        [externalId],
      )
    )[0];
  const setAside = async () =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM webhook_inbox WHERE failed_at IS NOT NULL`))[0].n);

  describe('webhook deliveries answered 200 are stored, with U+FFFD for each lone surrogate (defect 3)', () => {
    it('WhatsApp: a text and a profile name with lone surrogates', async () => {
      const delivery = whatsappMessagesWebhook(
        { phoneNumberId: a.accounts.whatsapp.externalId },
        [{ waId: '905321110001', name: `Ay${HIGH}şe` }],
        [
          {
            from: '905321110001',
            id: 'wamid.surrogate',
            timestamp: '1795400000',
            type: 'text',
            text: { body: `a ${HIGH} b ${LOW}` },
          },
        ],
      );
      const response = await postSignedWebhook(`${t.url}/webhooks/meta`, delivery, META_SECRET);
      expect([response.status, JSON.parse(response.body)]).toEqual([200, { received: 1, accepted: 1, rejected: 0 }]);
      await t.webhooksIngested();
      expect(await storedText('wamid.surrogate')).toEqual({ text: `a ${FFFD} b ${FFFD}`, name: `Ay${FFFD}şe` });
      expect(await setAside()).toBe(0);
    });

    it('Messenger and Instagram: direct messages with lone surrogates', async () => {
      for (const [object, account, mid] of [
        ['page', a.accounts.facebook, 'm.surrogate.fb'],
        ['instagram', a.accounts.instagram, 'm.surrogate.ig'],
      ] as const) {
        const delivery = messagingEnvelope(object, account.externalId, {
          sender: { id: `citizen-${mid}` },
          recipient: { id: account.externalId },
          timestamp: 1795400000000,
          message: { mid, text: `çukur ${LOW}${HIGH} var` },
        });
        const response = await postSignedWebhook(`${t.url}/webhooks/meta`, delivery, META_SECRET);
        expect([object, response.status, JSON.parse(response.body)]).toEqual([
          object,
          200,
          { received: 1, accepted: 1, rejected: 0 },
        ]);
      }
      await t.webhooksIngested();
      expect((await storedText('m.surrogate.fb')).text).toBe(`çukur ${FFFD}${FFFD} var`);
      expect((await storedText('m.surrogate.ig')).text).toBe(`çukur ${FFFD}${FFFD} var`);
      expect(await setAside()).toBe(0);
    });

    it('X: a direct message with a lone surrogate', async () => {
      const account = a.accounts.twitter.externalId;
      const raw = JSON.stringify({
        for_user_id: account,
        direct_message_events: [
          {
            type: 'message_create',
            id: '1800000000000000777',
            created_timestamp: '1795400000000',
            message_create: {
              target: { recipient_id: account },
              sender_id: '750362064426721281',
              message_data: { text: `yol ${HIGH} bozuk` },
            },
          },
        ],
        users: { '750362064426721281': { id_str: '750362064426721281', name: `Ali ${LOW}`, screen_name: 'ali' } },
      });
      const signature = `sha256=${createHmac('sha256', X_SECRET).update(raw).digest('base64')}`;
      const response = await fetch(`${t.url}/webhooks/twitter`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': signature },
        body: raw,
      });
      expect(response.status).toBe(200);
      await t.webhooksIngested();
      expect(await storedText('1800000000000000777')).toEqual({ text: `yol ${FFFD} bozuk`, name: `Ali ${FFFD}` });
      expect(await setAside()).toBe(0);
    });

    it('a delivery with a lone surrogate and a wrong signature is refused before anything is stored', async () => {
      const delivery = whatsappMessagesWebhook(
        { phoneNumberId: a.accounts.whatsapp.externalId },
        [{ waId: '905321110002', name: 'Veli' }],
        [
          {
            from: '905321110002',
            id: 'wamid.unsigned',
            timestamp: '1795400000',
            type: 'text',
            text: { body: `x ${HIGH}` },
          },
        ],
      );
      const response = await postSignedWebhook(`${t.url}/webhooks/meta`, delivery, 'not-the-secret');
      expect(response.status).toBe(401);
      expect(Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM webhook_inbox`))[0].n)).toBe(0);
      expect(await storedText('wamid.unsigned')).toBeUndefined();
    });
  });

  describe('API input: NUL and lone surrogates get a 400 naming the field and change nothing (defect 5)', () => {
    /** The JSON of a value with NUL and surrogates written as escapes, as a hostile client sends them. */
    const escaped = (value: unknown) => JSON.stringify(value);
    const send = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${t.url}${path}`, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : escaped(body),
      });
      return { status: response.status, body: (await response.json()) as { message: string } };
    };
    const state = async () => ({
      notes: (await t.dataSource.query(`SELECT count(*)::int AS n FROM internal_note`))[0].n,
      conversation: (
        await t.dataSource.query(`SELECT to_jsonb(c)::text AS row FROM conversation c WHERE id = $1`, [
          a.conversationId,
        ])
      )[0].row,
      user: (await t.dataSource.query(`SELECT to_jsonb(u)::text AS row FROM app_user u WHERE id = $1`, [a.userId]))[0]
        .row,
      messages: (await t.dataSource.query(`SELECT count(*)::int AS n FROM message`))[0].n,
      audit: (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n,
    });

    const cases: Array<[string, string, string, (bad: string) => unknown, string]> = [
      ['note', 'POST', 'notes', (bad) => ({ text: `not ${bad}` }), 'text'],
      ['reply', 'POST', 'replies', (bad) => ({ text: `cevap ${bad}` }), 'text'],
      ['tag', 'POST', 'tags', (bad) => ({ tag: `etiket${bad}` }), 'tag'],
      ['tags', 'PATCH', '', (bad) => ({ tags: ['iyi', `etiket${bad}`] }), 'tags[1]'],
      [
        'template parameter',
        'POST',
        'replies',
        (bad) => ({ template: { name: 'basvuru_alindi', language: 'tr', parameters: ['a', `b${bad}`] } }),
        'template.parameters[1]',
      ],
    ];
    for (const [bad, label] of [
      ['\u0000', 'NUL'],
      [HIGH, 'lone high surrogate'],
      [LOW, 'lone low surrogate'],
    ]) {
      for (const [what, method, sub, body, field] of cases) {
        it(`${label} in a ${what} → 400 naming ${field}`, async () => {
          const before = await state();
          const response = await send(
            method,
            `/api/v1/conversations/${a.conversationId}${sub ? `/${sub}` : ''}`,
            body(bad),
          );
          expect([response.status, response.body.message]).toEqual([400, expect.stringContaining(field)]);
          expect(await state()).toEqual(before);
        });
      }
      it(`${label} in displayName → 400 naming displayName`, async () => {
        const before = await state();
        const response = await send('PATCH', '/api/v1/users/me', { displayName: `Ayşe${bad}` });
        expect([response.status, response.body.message]).toEqual([400, expect.stringContaining('displayName')]);
        expect(await state()).toEqual(before);
      });
    }

    it('?q=%00 and other NUL or broken escapes in a query → 400 naming the parameter', async () => {
      for (const query of ['q=%00', 'q=ara%00ma', 'tag=a%00', 'q=%00%00']) {
        const response = await send('GET', `/api/v1/conversations?${query}`);
        expect([query, response.status, response.body.message]).toEqual([
          query,
          400,
          expect.stringContaining(query.split('=')[0]),
        ]);
      }
    });
  });

  it('%00 in a path parameter of any route → 400 before its handler', async () => {
    for (const path of [
      '/api/v1/conversations/%00',
      '/open311/v2/%00/services.json',
      `/api/v1/messages/${a.messageId}/attachments/%00`,
      '/api/v1/nowhere/%00',
    ]) {
      const response = await fetch(`${t.url}${path}`, { headers: auth });
      expect([path, response.status, ((await response.json()) as { message: string }).message]).toEqual([
        path,
        400,
        expect.stringContaining('%00'),
      ]);
    }
  });

  describe('bidi controls and zero-width characters: stripped from names and tags, kept in message text', () => {
    it('a tag with an RTL override and zero-width characters is stored without them', async () => {
      const response = await t
        .http()
        .post(`/api/v1/conversations/${a.conversationId}/tags`)
        .set(auth)
        .send({ tag: `${RTL_OVERRIDE}yol${ZERO_WIDTH}-çalışması` });
      expect(response.status).toBeLessThan(300);
      const [row] = await t.dataSource.query(`SELECT tags FROM conversation WHERE id = $1`, [a.conversationId]);
      expect(row.tags).toContain('yol-çalışması');
      expect(row.tags.join('')).not.toMatch(/\u202E|\u200B|\u200D|\uFEFF/);
      // The filter is cleaned the same way, so it finds what was stored.
      const found = await t
        .http()
        .get('/api/v1/conversations')
        .query({ tag: `yol-${RTL_OVERRIDE}çalışması` })
        .set(auth)
        .expect(200);
      expect(found.body.items.map((c: { id: string }) => c.id)).toContain(a.conversationId);
    });

    it('a displayName is stored without bidi controls; one made only of them is refused as empty', async () => {
      await t
        .http()
        .patch('/api/v1/users/me')
        .set(auth)
        .send({ displayName: `${RTL_OVERRIDE}Ayşe${ZERO_WIDTH} Yılmaz\u2066` })
        .expect(200);
      const [user] = await t.dataSource.query(`SELECT display_name FROM app_user WHERE id = $1`, [a.userId]);
      expect(user.display_name).toBe('Ayşe Yılmaz');
      const refused = await t
        .http()
        .patch('/api/v1/users/me')
        .set(auth)
        .send({ displayName: `${RTL_OVERRIDE}${ZERO_WIDTH}` });
      expect([refused.status, refused.body.message]).toEqual([400, expect.stringContaining('displayName')]);
    });

    it('a note keeps its bidi marks and joiners (Arabic text, emoji sequences)', async () => {
      const text = `Vatandaş Arapça yazdı: \u202Bمرحبا\u202C, aile 👨\u200D👩\u200D👧`;
      const response = await t.http().post(`/api/v1/conversations/${a.conversationId}/notes`).set(auth).send({ text });
      expect(response.status).toBe(201);
      const [note] = await t.dataSource.query(`SELECT text FROM internal_note WHERE id = $1`, [response.body.id]);
      expect(note.text).toBe(text);
    });
  });
});
