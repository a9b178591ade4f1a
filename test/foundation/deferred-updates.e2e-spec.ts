import { RetentionService } from '@civic/audit';
import type { MessageEvent, NormalizedEvent } from '@civic/channels-core';
import { Channel, ChannelAccount, ConversationKind, DeliveryState, MessageDirection, MessageKind } from '@civic/domain';
import { DeferredUpdateSweeper, IngestService, IngestWorkerModule } from '@civic/ingest';
import { facebookComment } from '../support/facebook-comment';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PAGE_ID = '306070979425409';
const POST_ID = '306070979425409_812750021053075';

const comment = (id: string, text: string, overrides: Partial<MessageEvent> = {}) =>
  facebookComment({ pageId: PAGE_ID, postId: POST_ID }, id, text, {
    contact: { externalId: 'psid-deferred', name: 'Şükrü Çağlayan' },
    ...overrides,
  });

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
const edit = (id: string, text: string, minute: number): NormalizedEvent => ({
  type: 'edit',
  channel: Channel.Facebook,
  accountExternalId: PAGE_ID,
  occurredAt: at(minute),
  externalId: id,
  text,
});
const removal = (id: string, minute: number): NormalizedEvent => ({
  type: 'delete',
  channel: Channel.Facebook,
  accountExternalId: PAGE_ID,
  occurredAt: at(minute),
  externalId: id,
});
const status = (id: string, state: DeliveryState, minute: number): NormalizedEvent => ({
  type: 'status',
  channel: Channel.Facebook,
  accountExternalId: PAGE_ID,
  occurredAt: at(minute),
  externalId: id,
  state,
});

/** Channels do not promise order, and parallel drainers can ingest an update before its message. */
describe('Updates that arrive before their message (real PostgreSQL)', () => {
  let t: TestApp;
  let ingest: IngestService;
  let sweeper: DeferredUpdateSweeper;

  beforeAll(async () => {
    t = await startTestApp({ include: [IngestWorkerModule] });
    ingest = t.app.get(IngestService);
    sweeper = t.app.get(DeferredUpdateSweeper);
    await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: PAGE_ID,
      name: 'Talas Belediyesi',
      ownerLabel: 'Belediye',
    });
  });
  afterAll(() => t.close());

  const deferred = (externalId: string) =>
    t.dataSource.query(
      `SELECT checks, next_check_at > now() AS later FROM deferred_message_update WHERE external_id = $1 ORDER BY id`,
      [externalId],
    );
  const message = async (externalId: string) =>
    (
      await t.dataSource.query(
        `SELECT text, edited, edit_history, deleted, delivery_state FROM message WHERE external_id = $1`,
        [externalId],
      )
    )[0];
  /** A deferred update is first looked at a second after it was kept. */
  const afterFirstCheckDelay = () => new Promise((resolve) => setTimeout(resolve, 1100));

  it('keeps an edit and a deletion for a comment not stored yet, and applies them in order once it arrives', async () => {
    const early = await ingest.ingest([edit('c-late', 'Düzeltme: çukur Gül Sokak’ta', 1), removal('c-late', 2)]);
    expect(early.results.map((r) => r.outcome)).toEqual(['deferred', 'deferred']);
    expect(early.results[0].reason).toContain('c-late');
    // A redelivery of the same edit is kept once.
    expect((await ingest.ingest([edit('c-late', 'Düzeltme: çukur Gül Sokak’ta', 1)])).results[0].outcome).toBe(
      'deferred',
    );
    expect(await deferred('c-late')).toHaveLength(2);

    // Nothing to apply while the comment is missing: the next look waits longer.
    await afterFirstCheckDelay();
    expect(await sweeper.sweep()).toEqual({ applied: 0, expired: 0 });
    expect(await deferred('c-late')).toEqual([
      { checks: 1, later: true },
      { checks: 1, later: true },
    ]);
    expect(await message('c-late')).toBeUndefined();

    expect((await ingest.ingest([comment('c-late', 'Çukur var, Gül Sokak')])).stored).toBe(1);
    await t.dataSource.query(`UPDATE deferred_message_update SET next_check_at = now() WHERE external_id = 'c-late'`);
    expect(await sweeper.sweep()).toEqual({ applied: 2, expired: 0 });
    expect(await deferred('c-late')).toEqual([]);
    const row = await message('c-late');
    expect(row).toMatchObject({ text: 'Düzeltme: çukur Gül Sokak’ta', edited: true, deleted: true });
    expect(row.edit_history).toEqual([{ text: 'Çukur var, Gül Sokak', editedAt: '2026-11-20T10:01:00+00:00' }]);
    const audit = await t.dataSource.query(
      `SELECT a.action FROM audit_event a JOIN message m ON m.id::text = a.target_id WHERE m.external_id = 'c-late' ORDER BY a.seq`,
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['message.edited', 'message.deleted']);
    // Applied once: another pass finds nothing.
    expect(await sweeper.sweep()).toEqual({ applied: 0, expired: 0 });
  });

  it('applies a delivery status of our own reply once the reply is stored, at the first look', async () => {
    const withRecipient = {
      ...status('out-late', DeliveryState.Read, 5),
      raw: { id: 'out-late', status: 'read', recipient_id: '905321234567' },
    } as NormalizedEvent;
    expect((await ingest.ingest([withRecipient])).results[0].outcome).toBe('deferred');
    // Kept without the channel's payload, which names the citizen's number.
    const [kept] = await t.dataSource.query(
      `SELECT event::text AS event FROM deferred_message_update WHERE external_id = 'out-late'`,
    );
    expect(kept.event).not.toContain('905321234567');
    expect(JSON.parse(kept.event)).toEqual([
      expect.objectContaining({ type: 'status', externalId: 'out-late', state: 'read' }),
    ]);
    await ingest.ingest([
      comment('out-late', 'Ekiplerimiz yönlendirildi.', {
        direction: MessageDirection.Outbound,
        kind: MessageKind.Reply,
      }),
    ]);
    expect(await sweeper.sweep()).toEqual({ applied: 0, expired: 0 }); // not due yet
    await afterFirstCheckDelay();
    expect(await sweeper.sweep()).toEqual({ applied: 1, expired: 0 });
    expect((await message('out-late')).delivery_state).toBe('read');
  });

  it('drops an update whose message never came after DEFERRED_UPDATE_HOURS, and keeps the younger ones', async () => {
    await ingest.ingest([
      status('foreign-1', DeliveryState.Delivered, 6),
      status('foreign-2', DeliveryState.Delivered, 7),
    ]);
    await t.dataSource.query(
      `UPDATE deferred_message_update SET deferred_at = now() - interval '25 hours' WHERE external_id = 'foreign-1'`,
    );
    expect(await sweeper.sweep(true)).toEqual({ applied: 0, expired: 1 });
    expect(await deferred('foreign-1')).toEqual([]);
    expect(await deferred('foreign-2')).toHaveLength(1);
  });

  it('does not bring an erased message back with a late edit (KVKK)', async () => {
    await ingest.ingest([
      comment('c-erased', 'Adım Gülşen Işık, telefonum 0555 111 22 33', {
        contact: { externalId: 'psid-erased', name: 'Gülşen Işık' },
      }),
    ]);
    const [{ contact_id: contactId }] = await t.dataSource.query(
      `SELECT contact_id FROM message WHERE external_id = 'c-erased'`,
    );
    await t
      .http()
      .post(`/api/v1/contacts/${contactId}/erasure`)
      .set('Authorization', `Bearer ${t.adminToken}`)
      .expect(200);
    const report = await ingest.ingest([edit('c-erased', 'Adım Gülşen Işık, yeni telefonum 0555 999 88 77', 9)]);
    expect(report.results[0].outcome).toBe('unchanged');
    const row = await message('c-erased');
    expect(row.text).toBeNull();
    expect(row.edit_history).toEqual([]);
  });

  it('does not bring a message back with a late edit once retention anonymized its conversation, though its citizen stays', async () => {
    const hasan = { externalId: 'psid-retained', name: 'Hasan Öztürk' };
    const otherPost = '306070979425409_812750021053999';
    await ingest.ingest([
      comment('c-old', 'Eski şikâyetim: 0532 444 55 66', { contact: hasan }),
      comment('c-open', 'Yeni bir konu', {
        contact: hasan,
        thread: { kind: ConversationKind.Public, key: `post:${otherPost}`, rootExternalId: otherPost },
        parentExternalId: otherPost,
      }),
    ]);
    await t.dataSource.query(
      `UPDATE conversation SET status = 'closed' WHERE id = (SELECT conversation_id FROM message WHERE external_id = 'c-old')`,
    );
    const counts = await t.app
      .get(RetentionService)
      .applyRetention(t.organizationId, 1, new Date(Date.now() + 3 * 86_400_000));
    expect(counts.messages).toBeGreaterThanOrEqual(1);
    expect((await message('c-old')).text).toBeNull();
    const [contact] = await t.dataSource.query(`SELECT name FROM contact WHERE channel_user_id = 'psid-retained'`);
    expect(contact.name).toBe('Hasan Öztürk'); // still writing in an open conversation

    expect((await ingest.ingest([edit('c-old', 'Eski şikâyetim: 0532 777 88 99', 10)])).results[0].outcome).toBe(
      'unchanged',
    );
    expect((await message('c-old')).text).toBeNull();
    expect((await ingest.ingest([edit('c-open', 'Yeni bir konu (düzeltildi)', 11)])).results[0].outcome).toBe(
      'updated',
    );
  });
});
