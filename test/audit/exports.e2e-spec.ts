import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
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

function zipTo(path: string, files: Map<string, Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const [name, data] of files) {
      zip.addBuffer(data, name);
    }
    const chunks: Buffer[] = [];
    zip.outputStream
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => {
        writeFileSync(path, Buffer.concat(chunks));
        resolve();
      })
      .on('error', reject);
    zip.end();
  });
}

describe('conversation-log exports (signed bundle)', () => {
  let t: TestApp;
  let auditor: string;
  let work: string;
  let bundle: Buffer;
  let files: Map<string, Buffer>;
  let publicKeyPem: string;
  const mediaBytes = Buffer.from('fotoğraf baytları');
  const mediaSha = createHash('sha256').update(mediaBytes).digest('hex');

  beforeAll(async () => {
    t = await startTestApp();
    work = mkdtempSync(join(tmpdir(), 'civic-export-test-'));
    auditor = (await t.createUser([UserRole.Auditor])).token;
    mkdirSync(join(t.dataDir, 'media', mediaSha.slice(0, 2)), { recursive: true });
    writeFileSync(join(t.dataDir, 'media', mediaSha.slice(0, 2), mediaSha), mediaBytes);
    const account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      externalId: 'wa-1',
      name: 'Çankaya Belediyesi WhatsApp',
    });
    const contact = await t.dataSource.getRepository(Contact).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      channelUserId: '905551112233',
      name: 'Şükrü Çağlayan',
      phone: '+905551112233',
    });
    const conversation = await t.dataSource.getRepository(Conversation).save({
      organizationId: t.organizationId,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      kind: ConversationKind.Direct,
      threadKey: '905551112233',
      contactId: contact.id,
      lastActivityAt: new Date('2026-03-02T09:00:00Z'),
    });
    const base = {
      organizationId: t.organizationId,
      channel: Channel.WhatsApp,
      channelAccountId: account.id,
      conversationId: conversation.id,
      contactId: contact.id,
      kind: MessageKind.Dm,
    };
    await t.dataSource.getRepository(Message).save([
      {
        ...base,
        externalId: 'wamid.1',
        direction: MessageDirection.Inbound,
        text: 'Sokağımızdaki çöpler iki gündür toplanmadı, ığdır İzmir ÇĞİÖŞÜ',
        sentAt: new Date('2026-03-01T08:00:00Z'),
        attachments: [{ type: 'image' as never, mediaAssetId: mediaSha, mimeType: 'image/jpeg' }],
      },
      {
        ...base,
        externalId: 'wamid.2',
        direction: MessageDirection.Outbound,
        text: 'Merhaba, "ekibimiz" yönlendirildi;\nteşekkürler.',
        sentAt: new Date('2026-03-01T08:05:00Z'),
      },
      {
        ...base,
        externalId: 'wamid.3',
        direction: MessageDirection.Inbound,
        text: '=HYPERLINK("x")',
        sentAt: new Date('2026-03-02T09:00:00Z'),
      },
      {
        ...base,
        externalId: 'wamid.4',
        direction: MessageDirection.Inbound,
        text: 'dönem dışı',
        sentAt: new Date('2026-04-01T09:00:00Z'),
      },
    ]);
    const created = await t
      .http()
      .post('/api/v1/exports')
      .set('Authorization', `Bearer ${auditor}`)
      .send({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', formats: ['ndjson', 'csv', 'pdf'] })
      .expect(201);
    let job = created.body;
    for (let i = 0; i < 100 && job.status !== 'completed' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (
        await t.http().get(`/api/v1/exports/${created.body.id}`).set('Authorization', `Bearer ${auditor}`).expect(200)
      ).body;
    }
    expect(job).toMatchObject({
      status: 'completed',
      processedMessages: 3,
      totalMessages: 3,
      progress: 1,
      downloadUrl: `/api/v1/exports/${job.id}/download`,
    });
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
    publicKeyPem = (await t.http().get('/api/v1/audit/public-key').expect(200)).text;
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('bundles NDJSON, CSV with BOM, a PDF per conversation, media and a signed manifest', () => {
    const names = [...files.keys()].sort();
    expect(names).toEqual(
      expect.arrayContaining(['messages.ndjson', 'messages.csv', 'manifest.json', 'manifest.sig', `media/${mediaSha}`]),
    );
    const lines = files
      .get('messages.ndjson')!
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      text: expect.stringContaining('ığdır İzmir ÇĞİÖŞÜ'),
      sentAt: '2026-03-01T08:00:00.000Z',
      contactName: 'Şükrü Çağlayan',
      accountName: 'Çankaya Belediyesi WhatsApp',
    });
    const csv = files.get('messages.csv')!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.toString('utf8');
    expect(csvText).toContain('Sokağımızdaki çöpler iki gündür toplanmadı, ığdır İzmir ÇĞİÖŞÜ');
    expect(csvText).toContain('"Merhaba, ""ekibimiz"" yönlendirildi;\nteşekkürler."');
    expect(csvText).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvText.trim().split('\r\n')).toHaveLength(1 + 3 + 0);
    const pdfs = names.filter((n) => n.startsWith('transcripts/') && n.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const pdf = files.get(pdfs[0])!;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.toString('latin1')).toContain('DejaVuSans');
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      messageCount: 3,
      conversationCount: 1,
      query: { from: '2026-03-01T00:00:00.000Z' },
      auditChainHead: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      names.filter((n) => !n.startsWith('manifest.')).sort(),
    );
  });

  it('verifies, and a one-byte change in any file fails naming that file', async () => {
    const original = join(work, 'bundle.zip');
    writeFileSync(original, bundle);
    expect(await new ExportBundleVerifier(publicKeyPem).verify(original)).toMatchObject({ ok: true, problems: [] });
    const keyFile = join(work, 'key.pem');
    writeFileSync(keyFile, publicKeyPem);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await exportVerifyCommand.run([original, '--public-key', keyFile])).toBe(0);
      for (const name of files.keys()) {
        const changed = new Map(files);
        const bytes = Buffer.from(files.get(name)!);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = name === 'manifest.sig' ? (bytes[at] === 0x41 ? 0x42 : 0x41) : bytes[at] ^ 0x01;
        changed.set(name, bytes);
        const tampered = join(work, `tampered-${name.replace(/\W/g, '_')}.zip`);
        await zipTo(tampered, changed);
        const report = await new ExportBundleVerifier(publicKeyPem).verify(tampered);
        expect(report.ok).toBe(false);
        expect(report.problems.map((p) => `${p.file}: ${p.reason}`).join('\n')).toContain(name);
        log.mockClear();
        expect(await exportVerifyCommand.run([tampered, '--public-key', keyFile])).toBe(1);
        expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toContain(name);
      }
    } finally {
      log.mockRestore();
    }
  });

  it('records the export in the audit trail and refuses officers', async () => {
    const events = await t
      .http()
      .get('/api/v1/audit/events?action=export.*')
      .set('Authorization', `Bearer ${auditor}`)
      .expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['export.requested', 'export.completed', 'export.downloaded']),
    );
    const officer = await t.createUser([UserRole.Officer]);
    await t
      .http()
      .post('/api/v1/exports')
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', formats: ['csv'] })
      .expect(403);
    expect(
      (await t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${auditor}`).expect(200)).body.ok,
    ).toBe(true);
  });
});
