import { Channel, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Automatic messages: settings and preview (GET/PUT /api/v1/citizen-messages/settings, POST …/preview)', () => {
  let t: TestApp;
  let accountId: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const put = (body: object, token = t.adminToken) =>
    t.http().put('/api/v1/citizen-messages/settings').set(auth(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    const connected = await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: '106540352242926',
        name: 'Hat',
        credentials: { accessToken: 'x' },
      });
    accountId = connected.body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('starts with every kind on, the acknowledgement off per account, Turkish and English texts', async () => {
    const settings = await t.http().get('/api/v1/citizen-messages/settings').set(auth(t.adminToken));
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ privacyNoticeUrl: null, privacyNoticeOnFirstContact: false });
    expect(settings.body.kinds.every((k: any) => k.enabled)).toBe(true);
    expect(settings.body.kinds.find((k: any) => k.kind === 'forwarded')).toEqual({
      kind: 'forwarded',
      enabled: true,
      texts: {
        tr: 'Başvurunuz ({caseNumber}) ilgili kuruma iletildi: {body}.',
        en: 'Your request ({caseNumber}) has been forwarded to the responsible body: {body}.',
      },
      whatsappTemplate: null,
      placeholders: ['caseNumber', 'body'],
    });
    expect(settings.body.accounts).toEqual([
      { accountId, channel: 'whatsapp', name: 'Hat', acknowledgeNewConversations: false },
    ]);
  });

  it('names the problem in a refused change, and only administrators change anything', async () => {
    const unknown = await put({ kinds: [{ kind: 'resolved', texts: { tr: 'Başvurunuz {numara} sonuçlandı' } }] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain(
      'kinds.resolved.texts.tr: unknown placeholder {numara} (allowed for resolved: {caseNumber}, {resolution})',
    );
    const badUrl = await put({ privacyNoticeUrl: 'javascript:alert(1)' });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(badUrl.body)).toContain('privacyNoticeUrl must be an http or https address');
    const badKind = await put({ kinds: [{ kind: 'weather_report', enabled: false }] });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body)).toContain('kind');
    const foreign = await put({
      accounts: [{ accountId: '00000000-0000-4000-8000-000000000000', acknowledgeNewConversations: true }],
    });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('is not a channel account of your organization');
    const officer = (await t.createUser([UserRole.Officer])).token;
    expect((await put({ privacyNoticeOnFirstContact: true }, officer)).status).toBe(403);
    expect((await t.http().get('/api/v1/citizen-messages/settings').set(auth(officer))).status).toBe(403);
  });

  it('saves a partial change and previews saved and draft texts with sample values', async () => {
    const saved = await put({
      privacyNoticeUrl: 'https://bornova.example/kvkk',
      privacyNoticeOnFirstContact: true,
      kinds: [
        { kind: 'in_progress', enabled: false },
        {
          kind: 'resolved',
          texts: { tr: 'Sayın hemşehrimiz, {caseNumber} numaralı başvurunuz sonuçlandı: {resolution}' },
          whatsappTemplate: { name: 'basvuru_sonuclandi', language: 'tr' },
        },
      ],
      accounts: [{ accountId, acknowledgeNewConversations: true }],
    });
    expect(saved.status).toBe(200);
    const resolved = saved.body.kinds.find((k: any) => k.kind === 'resolved');
    expect(resolved).toMatchObject({
      enabled: true,
      texts: {
        tr: 'Sayın hemşehrimiz, {caseNumber} numaralı başvurunuz sonuçlandı: {resolution}',
        en: 'Your request ({caseNumber}) has been resolved: {resolution}',
      },
      whatsappTemplate: { name: 'basvuru_sonuclandi', language: 'tr' },
    });
    expect(saved.body.kinds.find((k: any) => k.kind === 'in_progress').enabled).toBe(false);
    expect(saved.body.accounts[0].acknowledgeNewConversations).toBe(true);
    // Another partial change keeps the rest.
    const again = await put({ kinds: [{ kind: 'resolved', whatsappTemplate: null }] });
    expect(again.body.kinds.find((k: any) => k.kind === 'resolved')).toMatchObject({
      whatsappTemplate: null,
      texts: { tr: 'Sayın hemşehrimiz, {caseNumber} numaralı başvurunuz sonuçlandı: {resolution}' },
    });
    expect(again.body.privacyNoticeUrl).toBe('https://bornova.example/kvkk');

    const preview = (body: object) =>
      t.http().post('/api/v1/citizen-messages/preview').set(auth(t.adminToken)).send(body);
    expect((await preview({ kind: 'resolved', language: 'tr' })).body).toEqual({
      text: 'Sayın hemşehrimiz, 2026-000123 numaralı başvurunuz sonuçlandı: Çukur asfaltla kapatıldı.',
    });
    expect((await preview({ kind: 'forwarded', language: 'en' })).body).toEqual({
      text: 'Your request (2026-000123) has been forwarded to the responsible body: İZSU.',
    });
    expect((await preview({ kind: 'body_update', language: 'tr' })).body).toEqual({
      text: 'Başvurunuzla (2026-000123) ilgili bilgi geldi. Kurum: İZSU. Durum: üzerinde çalışılıyor. Ekibimiz yönlendirildi.',
    });
    expect(
      (await preview({ kind: 'case_opened', language: 'tr', text: 'Kaydınız açıldı, numaranız: {caseNumber}' })).body,
    ).toEqual({ text: 'Kaydınız açıldı, numaranız: 2026-000123' });
    const bad = await preview({ kind: 'case_opened', language: 'tr', text: 'Merhaba {ad}' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('unknown placeholder {ad}');
  });
});
