import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ExportBundleVerifier, exportVerifyCommand } from '@civic/audit';
import {
  Channel,
  ChannelAccount,
  Contact,
  Conversation,
  ConversationKind,
  Message,
  MessageDirection,
  MessageKind,
  UserRole,
} from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { unzip } from '../support/unzip';

/**
 * The bundle for the tools auditors use: a spreadsheet Turkish Excel opens as columns, PDF transcripts
 * named by contact and date in local time, and a README.txt; the signature still covers all of it.
 */
describe('exports for auditors (Excel CSV, named transcripts, README.txt)', () => {
  let t: TestApp;
  let auditor: string;
  let work: string;
  let bundle: Buffer;
  let files: Map<string, Buffer>;
  let conversationIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    work = mkdtempSync(join(tmpdir(), 'civic-excel-test-'));
    auditor = (await t.createUser([UserRole.Auditor])).token;
    // New York, not Istanbul: local times must follow the organization's zone, with daylight saving.
    await t.dataSource.query(`UPDATE organization SET time_zone = 'America/New_York' WHERE id = $1`, [
      t.organizationId,
    ]);
    const account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'wa-excel',
      name: 'Çankaya Belediyesi WhatsApp',
    });
    const contacts = await t.dataSource.getRepository(Contact).save(
      [
        ['905551112233', 'Ayşe Yılmaz'],
        // Two citizens of one name: their transcripts must not overwrite each other.
        ['905554445566', 'Ayşe Yılmaz'],
        ['905557778899', 'Mehmet Öztürk'],
      ].map(([channelUserId, name]) => ({
        organizationId: t.organizationId,
        channelAccountId: account.id,
        channel: Channel.WhatsApp,
        channelUserId,
        name,
        phone: `+${channelUserId}`,
      })),
    );
    const conversations = await t.dataSource.getRepository(Conversation).save(
      contacts.map((contact) => ({
        organizationId: t.organizationId,
        channelAccountId: account.id,
        channel: Channel.WhatsApp,
        kind: ConversationKind.Direct,
        threadKey: contact.channelUserId,
        contactId: contact.id,
        lastActivityAt: new Date('2026-12-01T15:00:00Z'),
      })),
    );
    conversationIds = conversations.map((c) => c.id);
    const base = (i: number) => ({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      channelAccountId: account.id,
      conversationId: conversations[i].id,
      contactId: contacts[i].id,
      kind: MessageKind.Dm,
      direction: MessageDirection.Inbound,
    });
    await t.dataSource.getRepository(Message).save([
      {
        ...base(0),
        externalId: 'x.1',
        text: 'Çöp konteyneri taştı; ğüşıöçİ ĞÜŞIÖÇ',
        // 14:05 UTC on 1 December is 09:05 in New York (EST, UTC−5).
        sentAt: new Date('2026-12-01T14:05:00Z'),
        attachments: [
          {
            type: 'location' as never,
            location: { latitude: 39.92077, longitude: 32.85411, name: 'Kızılay Meydanı', address: 'Çankaya, Ankara' },
          },
        ],
      },
      { ...base(0), externalId: 'x.2', text: '=SUM(A1:A9)', sentAt: new Date('2026-12-01T14:06:00Z') },
      { ...base(0), externalId: 'x.3', text: '+90 555 000 00 00', sentAt: new Date('2026-12-01T14:07:00Z') },
      { ...base(0), externalId: 'x.4', text: '-1+1', sentAt: new Date('2026-12-01T14:08:00Z') },
      { ...base(0), externalId: 'x.5', text: '@HYPERLINK("x")', sentAt: new Date('2026-12-01T14:09:00Z') },
      { ...base(0), externalId: 'x.6', text: '\tsekme', sentAt: new Date('2026-12-01T14:10:00Z') },
      // 03:00 UTC on 2 December is still 1 December, 22:00, in New York: the file name's date is local.
      { ...base(1), externalId: 'y.1', text: 'Gece', sentAt: new Date('2026-12-02T03:00:00Z') },
      // 1 July is daylight saving time in New York (EDT, UTC−4): 18:30 UTC is 14:30 local.
      { ...base(2), externalId: 'z.1', text: 'Yaz saati; "tırnak"', sentAt: new Date('2026-07-01T18:30:00Z') },
    ]);
    const created = await t
      .http()
      .post('/api/v1/exports')
      .set('Authorization', `Bearer ${auditor}`)
      .send({ from: '2026-06-01T00:00:00Z', to: '2026-12-31T00:00:00Z', formats: ['csv', 'pdf'] })
      .expect(201);
    let job = created.body;
    for (let i = 0; i < 150 && job.status !== 'completed' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (
        await t.http().get(`/api/v1/exports/${created.body.id}`).set('Authorization', `Bearer ${auditor}`).expect(200)
      ).body;
    }
    expect(job).toMatchObject({ status: 'completed', processedMessages: 8 });
    const download = await t
      .http()
      .get(job.downloadUrl)
      .set('Authorization', `Bearer ${auditor}`)
      .buffer(true)
      .parse((res, cb) => {
        const c: Buffer[] = [];
        res.on('data', (d: Buffer) => c.push(d)).on('end', () => cb(null, Buffer.concat(c)));
      })
      .expect(200);
    bundle = download.body as Buffer;
    files = await unzip(bundle);
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('writes a CSV Turkish Excel opens as columns: ";", BOM, Turkish headers, local times, no formulas', () => {
    const raw = files.get('mesajlar-excel.csv')!;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Parsed the way Turkish Excel reads it: ";" between cells, the BOM dropped, quoted cells.
    const rows: Record<string, string>[] = parse(raw, {
      delimiter: ';',
      bom: true,
      columns: true,
      relax_quotes: false,
      skip_empty_lines: true,
    });
    expect(Object.keys(rows[0])).toEqual([
      'Gönderilme zamanı',
      'Alınma zamanı',
      'Kanal',
      'Hesap',
      'Yön',
      'Tür',
      'Kişi',
      'Kullanıcı adı',
      'Telefon',
      'Yanıtlayan personel',
      'Mesaj',
      'Ekler',
      'Konum',
      'Harita bağlantısı',
      'Teslim durumu',
      'Düzenlendi',
      'Silindi',
      'Silinme zamanı',
      'Konuşma numarası',
      'Mesaj numarası',
    ]);
    expect(rows).toHaveLength(8);
    const [summer, first, formula, phone, minus, at, tab, night] = rows;
    expect(night).toMatchObject({ 'Gönderilme zamanı': '01.12.2026 22:00', Mesaj: 'Gece' });
    expect(summer).toMatchObject({ 'Gönderilme zamanı': '01.07.2026 14:30', Mesaj: 'Yaz saati; "tırnak"' });
    expect(first).toMatchObject({
      'Gönderilme zamanı': '01.12.2026 09:05',
      Kanal: 'WhatsApp',
      Hesap: 'Çankaya Belediyesi WhatsApp',
      Yön: 'Gelen',
      Tür: 'Özel mesaj',
      Kişi: 'Ayşe Yılmaz',
      Mesaj: 'Çöp konteyneri taştı; ğüşıöçİ ĞÜŞIÖÇ',
      Ekler: 'Konum',
      Konum: '39.920770, 32.854110 · Kızılay Meydanı, Çankaya, Ankara',
      'Harita bağlantısı': 'https://www.openstreetmap.org/?mlat=39.920770&mlon=32.854110#map=17/39.920770/32.854110',
      Düzenlendi: 'Hayır',
      Silindi: 'Hayır',
      'Silinme zamanı': '',
      'Konuşma numarası': conversationIds[0],
    });
    // Formula neutralization: an apostrophe in front of = + - @ and tab, on texts and phone numbers alike.
    expect(formula.Mesaj).toBe("'=SUM(A1:A9)");
    expect(phone.Mesaj).toBe("'+90 555 000 00 00");
    expect(phone.Telefon).toBe("'+905551112233");
    expect(minus.Mesaj).toBe("'-1+1");
    expect(at.Mesaj).toBe(`'@HYPERLINK("x")`);
    expect(tab.Mesaj).toBe("'\tsekme");
    const neutral = /^[=+\-@\t\r]/;
    expect(rows.flatMap((row) => Object.values(row)).filter((cell) => neutral.test(cell))).toEqual([]);
  });

  it('keeps the machine CSV as it was: comma, English headers, UTC', () => {
    const csv = files.get('messages.csv')!.toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFid,sentAt,receivedAt,channel,/);
    expect(csv).toContain('2026-12-01T14:05:00.000Z');
  });

  it('names PDF transcripts by contact and first message date, unique, and indexes them in the manifest', () => {
    const pdfs = [...files.keys()].filter((name) => name.startsWith('transcripts/')).sort();
    expect(pdfs).toEqual([
      'transcripts/Ayse-Yilmaz_2026-12-01-2.pdf',
      'transcripts/Ayse-Yilmaz_2026-12-01.pdf',
      'transcripts/Mehmet-Ozturk_2026-07-01.pdf',
    ]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.timeZone).toBe('America/New_York');
    // Numbered in the order of the conversations' first messages; no file name carries an id.
    expect(manifest.transcripts).toEqual([
      {
        path: 'transcripts/Mehmet-Ozturk_2026-07-01.pdf',
        conversationId: conversationIds[2],
        contactName: 'Mehmet Öztürk',
      },
      {
        path: 'transcripts/Ayse-Yilmaz_2026-12-01.pdf',
        conversationId: conversationIds[0],
        contactName: 'Ayşe Yılmaz',
      },
      {
        path: 'transcripts/Ayse-Yilmaz_2026-12-01-2.pdf',
        conversationId: conversationIds[1],
        contactName: 'Ayşe Yılmaz',
      },
    ]);
    const pdf = files.get('transcripts/Ayse-Yilmaz_2026-12-01.pdf')!.toString('latin1');
    // The map link is a real link annotation, readable as is in the PDF's objects.
    expect(pdf).toContain('https://www.openstreetmap.org/?mlat=39.920770&mlon=32.854110#map=17/39.920770/32.854110');
  });

  it('explains every file and the verification in README.txt, in Turkish and English', () => {
    const readme = files.get('README.txt')!.toString('utf8');
    for (const text of [
      'İmzayı doğrulama',
      'Verifying the signature',
      'mesajlar-excel.csv',
      'messages.csv',
      'transcripts/*.pdf',
      'manifest.json',
      'manifest.sig',
      'npm run cli -- export:verify',
      '/api/v1/audit/public-key',
      'America/New_York',
      'noktalı virgül',
      'semicolon-separated',
    ]) {
      expect(readme).toContain(text);
    }
    expect(readme).not.toContain('messages.ndjson');
    expect(readme).toContain('\r\n');
  });

  it('signs the new files too: listed in the manifest, and the bundle still verifies (API key, CLI)', async () => {
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['README.txt', 'mesajlar-excel.csv']),
    );
    const publicKeyPem = (await t.http().get('/api/v1/audit/public-key').expect(200)).text;
    const original = join(work, 'bundle.zip');
    writeFileSync(original, bundle);
    const keyFile = join(work, 'key.pem');
    writeFileSync(keyFile, publicKeyPem);
    expect(await new ExportBundleVerifier(publicKeyPem).verify(original)).toMatchObject({ ok: true, problems: [] });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await exportVerifyCommand.run([original, '--public-key', keyFile])).toBe(0);
    } finally {
      log.mockRestore();
    }
  });
});
