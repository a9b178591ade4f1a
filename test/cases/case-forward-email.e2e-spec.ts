import exifr from 'exifr';
import sharp from 'sharp';
import type { MessageEvent } from '@civic/channels-core';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind, UserRole } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { MediaStore } from '@civic/media';
import { phonePhoto } from '@civic/testing';
import { eventually } from '../support/eventually';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242922';

describe('Cases forwarded by e-mail through SMTP (SMTP_URL set)', () => {
  const smtp = new FakeSmtpServer();
  let t: TestApp;
  let officer: string;
  let conversationId: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      withWorker: true,
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Bornova Belediyesi <basvuru@bornova.example>', CASE_PROVINCE: 'izmir' },
    });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(auth(t.adminToken))
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Bornova WhatsApp Hattı',
        credentials: { accessToken: 'wa' },
      })
      .expect(201);
    await t.app.get(IngestService).ingest([
      {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.MAIL-1',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        occurredAt: new Date(Date.now() - 60_000),
        text: 'Sokağımızda ana boru patladı, su fışkırıyor',
        thread: { kind: ConversationKind.Direct, key: 'dm:905321110000' },
        contact: { externalId: '905321110000', name: 'Gülşen Öztürk' },
      } as MessageEvent,
    ]);
    [{ id: conversationId }] = await t.dataSource.query(
      `SELECT id FROM conversation WHERE thread_key = 'dm:905321110000'`,
    );
    officer = (await t.createUser([UserRole.Officer])).token;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  /** An external body with only an e-mail address, and a fresh case forwarded to it. */
  const forwardTo = async (bodyName: string, email: string, messageId?: string) => {
    const bodies = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(officer))).body;
    const body = bodies.find((u: any) => u.name === bodyName);
    await t.http().patch(`/api/v1/departments/${body.id}`).set(auth(t.adminToken)).send({ email }).expect(200);
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({ conversationId, messageId, category: 'su-arizasi', description: 'Ana boru patladı' })
      .expect(201);
    const forwarded = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/forward`)
      .set(auth(officer))
      .send({ externalBodyId: body.id })
      .expect(200);
    return {
      caseId: created.body.id as string,
      caseNumber: created.body.caseNumber as string,
      deliveries: forwarded.body.deliveries,
    };
  };
  /** The case's forward row once it has reached `status` (the worker sends it). */
  const forwardReaching = (caseId: string, status: 'sent' | 'failed', timeoutMs?: number) =>
    eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT id, status, attempts, last_error FROM case_forward WHERE case_id = $1`,
        [caseId],
      );
      return row?.status === status && row;
    }, timeoutMs);
  const historyOf = async (caseId: string) =>
    (await t.http().get(`/api/v1/cases/${caseId}`).set(auth(officer))).body.history.map((h: any) => h.action);

  it('sends the case once, in Turkish, with a Message-ID and X-Civic-Delivery from the forward id', async () => {
    const { caseId, caseNumber, deliveries } = await forwardTo('İZSU', 'basvuru@izsu.example');
    expect(deliveries).toEqual([expect.objectContaining({ transport: 'email', status: 'queued' })]);
    const row = await forwardReaching(caseId, 'sent');
    const mails = smtp.messagesTo('basvuru@izsu.example');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Başvuru ${caseNumber}: Su arızası`);
    expect(mails[0].from?.value).toEqual([{ name: 'Bornova Belediyesi', address: 'basvuru@bornova.example' }]);
    expect(mails[0].text).toContain('Açıklama: Ana boru patladı');
    expect(mails[0].messageId).toBe(`<case-forward.${row.id}@civic-inbox>`);
    expect(mails[0].headers.get('x-civic-delivery')).toBe(row.id);
    expect(await historyOf(caseId)).toEqual(expect.arrayContaining(['forwarded', 'forward.queued', 'forward.sent']));
  }, 60_000);

  it("attaches the case's photos without EXIF (an address cannot sign in to see them) and says how many were left out", async () => {
    const jpeg = await phonePhoto();
    const stored = await t.app.get(MediaStore).put(jpeg, 'image/jpeg');
    await t.app.get(IngestService).ingest([
      {
        type: 'message',
        channel: Channel.WhatsApp,
        accountExternalId: WA,
        externalId: 'wamid.MAIL-PHOTO',
        direction: MessageDirection.Inbound,
        kind: MessageKind.Dm,
        occurredAt: new Date(Date.now() - 30_000),
        text: 'Fotoğraflar ekte',
        attachments: [
          {
            type: AttachmentType.Image,
            mimeType: 'image/jpeg',
            caption: 'Patlayan boru',
            storageKey: stored.storageKey,
            mediaAssetId: stored.sha256,
            size: stored.size,
          },
          // Not downloaded yet: counted, not attached.
          { type: AttachmentType.Image, mimeType: 'image/jpeg', caption: 'Sokağın başı' },
        ],
        thread: { kind: ConversationKind.Direct, key: 'dm:905321110000' },
        contact: { externalId: '905321110000', name: 'Gülşen Öztürk' },
      } as MessageEvent,
    ]);
    const [{ id: messageId }] = await t.dataSource.query(
      `SELECT id FROM message WHERE external_id = 'wamid.MAIL-PHOTO'`,
    );
    const { caseId } = await forwardTo('Karayolları 2. Bölge Müdürlüğü', 'ihbar@kgm.example', messageId);
    await forwardReaching(caseId, 'sent');
    const [mail] = smtp.messagesTo('ihbar@kgm.example');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['fotograf-1.jpg', 'image/jpeg']]);
    // The display copy: upright, no device, no GPS position.
    const sent = mail.attachments[0].content;
    expect(Buffer.compare(sent, jpeg)).not.toBe(0);
    const meta = await sharp(sent).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 480, 640, undefined]);
    expect(await exifr.gps(sent).catch(() => undefined)).toBeUndefined();
    expect(mail.text).toContain('Ekli fotoğraf: 1 / 2');
  }, 60_000);

  it('retries a temporary refusal (451) and then delivers exactly once', async () => {
    smtp.refuseNext('basvuru@izmirgaz.example', 451, 'Greylisted, try again later');
    const { caseId } = await forwardTo('İzmirgaz', 'basvuru@izmirgaz.example');
    const row = await forwardReaching(caseId, 'sent', 45_000);
    expect(row.attempts).toBe(2);
    expect(smtp.messagesTo('basvuru@izmirgaz.example')).toHaveLength(1);
  }, 60_000);

  it("marks a permanent refusal (550) failed with the server's answer, without retrying", async () => {
    smtp.refuseNext('yok@gediz.example', 550, 'No such user here');
    const { caseId } = await forwardTo('Gediz Elektrik', 'yok@gediz.example');
    const row = await forwardReaching(caseId, 'failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('550');
    expect(row.last_error).toContain('No such user here');
    expect(smtp.messagesTo('yok@gediz.example')).toHaveLength(0);
    expect(await historyOf(caseId)).toEqual(expect.arrayContaining(['forward.queued', 'forward.failed']));
  }, 60_000);
});
