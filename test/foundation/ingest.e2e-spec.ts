import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import type { MessageEvent, NormalizedEvent } from '@civic/channels-core';
import { buildDataSourceOptions } from '@civic/database';
import {
  Channel,
  ChannelAccount,
  ConversationKind,
  DeliveryState,
  MessageDirection,
  MessageKind,
  foldForSearch,
  likePattern,
} from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { MessageStore } from '@civic/messages';
import { facebookComment } from '../support/facebook-comment';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PAGE_ID = '206070979425408';

const PAGE = { pageId: PAGE_ID, postId: '206070979425408_712750021053074' };
const comment = (id: string, text: string, overrides: Partial<MessageEvent> = {}) =>
  facebookComment(PAGE, id, text, overrides);

describe('Ingest (real PostgreSQL)', () => {
  let t: TestApp;
  let ingest: IngestService;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ingest = t.app.get(IngestService);
    const account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: t.organizationId,
      channel: Channel.Facebook,
      externalId: PAGE_ID,
      name: 'Melikgazi Belediyesi',
      ownerLabel: 'Belediye',
    });
    accountId = account.id;
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('stores an event once; a replay is a duplicate that changes nothing', async () => {
    const first = await ingest.ingest([comment('c-1', 'Sokağımızda çukurlar var, lütfen yardım edin')]);
    expect(first.stored).toBe(1);
    const before = await t.dataSource.query(`SELECT * FROM message WHERE external_id = 'c-1'`);
    const replay = await ingest.ingest([comment('c-1', 'Sokağımızda çukurlar var, lütfen yardım edin')]);
    expect(replay.stored).toBe(0);
    expect(replay.duplicates).toBe(1);
    expect(await t.dataSource.query(`SELECT * FROM message WHERE external_id = 'c-1'`)).toEqual(before);
    const [conversation] = await t.dataSource.query(`SELECT * FROM conversation WHERE id = $1`, [
      before[0].conversation_id,
    ]);
    expect(conversation.message_count).toBe(1);
    expect(conversation.unread_count).toBe(1);
    expect(conversation.channel_account_id).toBe(accountId);
  });

  it('stores an event once when two connections ingest it at the same time', async () => {
    const second = new DataSource(buildDataSourceOptions(t.db.url, 2));
    await second.initialize();
    try {
      const otherIngest = new IngestService(second, new AuditService(second), new MessageStore());
      const batch = Array.from({ length: 20 }, (_, i) =>
        comment(`race-${i}`, `Yarış ${i}`, { contact: { externalId: `psid-race-${i}`, name: `Vatandaş ${i}` } }),
      );
      const [a, b] = await Promise.all([ingest.ingest(batch), otherIngest.ingest(batch)]);
      expect(a.stored + b.stored).toBe(20);
      expect(a.duplicates + b.duplicates).toBe(20);
      expect(
        Number(
          (await t.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE external_id LIKE 'race-%'`))[0].n,
        ),
      ).toBe(20);
      expect(
        Number(
          (
            await t.dataSource.query(`SELECT count(*)::int AS n FROM contact WHERE channel_user_id LIKE 'psid-race-%'`)
          )[0].n,
        ),
      ).toBe(20);
    } finally {
      await second.destroy();
    }
  });

  it('keeps the history of an edit and marks removals as deleted', async () => {
    await ingest.ingest([comment('c-edit', 'İlk hâli')]);
    const edit: NormalizedEvent = {
      type: 'edit',
      channel: Channel.Facebook,
      accountExternalId: PAGE_ID,
      occurredAt: new Date('2026-11-20T10:00:00Z'),
      externalId: 'c-edit',
      text: 'Düzeltilmiş hâli',
    };
    expect((await ingest.ingest([edit])).results[0].outcome).toBe('updated');
    expect((await ingest.ingest([edit])).results[0].outcome).toBe('unchanged');
    await ingest.ingest([
      {
        type: 'delete',
        channel: Channel.Facebook,
        accountExternalId: PAGE_ID,
        occurredAt: new Date('2026-11-20T11:00:00Z'),
        externalId: 'c-edit',
      },
    ]);
    const [row] = await t.dataSource.query(
      `SELECT text, search_text, edited, edit_history, deleted, deleted_at FROM message WHERE external_id = 'c-edit'`,
    );
    expect(row.text).toBe('Düzeltilmiş hâli');
    expect(row.search_text).toBe('duzeltilmis hali');
    expect(row.edited).toBe(true);
    expect(row.edit_history).toEqual([{ text: 'İlk hâli', editedAt: '2026-11-20T10:00:00+00:00' }]);
    expect(row.deleted).toBe(true);
    expect(row.deleted_at.toISOString()).toBe('2026-11-20T11:00:00.000Z');
    const audit = await t.dataSource.query(
      `SELECT action, actor_label, after FROM audit_event WHERE target_type = 'message' ORDER BY seq`,
    );
    expect(
      audit.map(({ action, actor_label }: { action: string; actor_label: string }) => ({ action, actor_label })),
    ).toEqual([
      { action: 'message.edited', actor_label: 'channel:facebook' },
      { action: 'message.deleted', actor_label: 'channel:facebook' },
    ]);
    // The append-only trail proves the edit by the text's SHA-256, without the citizen's words (KVKK erasure cannot reach it).
    expect(audit[0].after).toEqual({
      textSha256: createHash('sha256').update('Düzeltilmiş hâli', 'utf8').digest('hex'),
      textLength: 16,
      at: '2026-11-20T10:00:00.000Z',
    });
    expect(JSON.stringify(audit[0].after)).not.toContain('Düzeltilmiş');
  });

  it('does not bring back an older edit redelivered after a newer one', async () => {
    await ingest.ingest([comment('c-edits', 'Çukur Gül Sokak’ta')]);
    const edit = (minute: number, text: string): NormalizedEvent => ({
      type: 'edit',
      channel: Channel.Facebook,
      accountExternalId: PAGE_ID,
      occurredAt: new Date(Date.UTC(2026, 10, 20, 10, minute)),
      externalId: 'c-edits',
      text,
    });
    expect((await ingest.ingest([edit(1, 'Çukur Gül Sokak 5’te')])).results[0].outcome).toBe('updated');
    expect((await ingest.ingest([edit(2, 'Çukur Gül Sokak 7’de')])).results[0].outcome).toBe('updated');
    expect((await ingest.ingest([edit(1, 'Çukur Gül Sokak 5’te')])).results[0].outcome).toBe('unchanged');
    const [row] = await t.dataSource.query(`SELECT text, edit_history FROM message WHERE external_id = 'c-edits'`);
    expect(row.text).toBe('Çukur Gül Sokak 7’de');
    expect(row.edit_history.map((h: { text: string }) => h.text)).toEqual([
      'Çukur Gül Sokak’ta',
      'Çukur Gül Sokak 5’te',
    ]);
  });

  it('applies a second edit made within the same second (Facebook gives whole seconds); a replay of the first does not win', async () => {
    await ingest.ingest([comment('c-same-second', 'Su kesik')]);
    const edit = (text: string): NormalizedEvent => ({
      type: 'edit',
      channel: Channel.Facebook,
      accountExternalId: PAGE_ID,
      occurredAt: new Date('2026-11-20T10:05:07Z'),
      externalId: 'c-same-second',
      text,
    });
    expect((await ingest.ingest([edit('Su kesik, Gül Sokak')])).results[0].outcome).toBe('updated');
    expect((await ingest.ingest([edit('Su kesik, Gül Sokak 5')])).results[0].outcome).toBe('updated');
    expect((await ingest.ingest([edit('Su kesik, Gül Sokak')])).results[0].outcome).toBe('unchanged');
    expect((await ingest.ingest([edit('Su kesik, Gül Sokak 5')])).results[0].outcome).toBe('unchanged');
    const [row] = await t.dataSource.query(
      `SELECT text, edit_history FROM message WHERE external_id = 'c-same-second'`,
    );
    expect(row.text).toBe('Su kesik, Gül Sokak 5');
    expect(row.edit_history.map((h: { text: string }) => h.text)).toEqual(['Su kesik', 'Su kesik, Gül Sokak']);
  });

  it('never downgrades a delivery state: delivered after read stays read', async () => {
    await ingest.ingest([
      comment('out-1', 'Ekiplerimiz yönlendirildi.', { direction: MessageDirection.Outbound, kind: MessageKind.Reply }),
    ]);
    const status = (state: DeliveryState, minute: number): NormalizedEvent => ({
      type: 'status',
      channel: Channel.Facebook,
      accountExternalId: PAGE_ID,
      occurredAt: new Date(Date.UTC(2026, 10, 20, 12, minute)),
      externalId: 'out-1',
      state,
    });
    await ingest.ingest([status(DeliveryState.Read, 5)]);
    const late = await ingest.ingest([status(DeliveryState.Delivered, 4)]);
    expect(late.results[0].outcome).toBe('unchanged');
    const [row] = await t.dataSource.query(`SELECT delivery_state FROM message WHERE external_id = 'out-1'`);
    expect(row.delivery_state).toBe('read');
  });

  it('rejects invalid events with a reason without aborting the rest of the batch', async () => {
    const messagesBefore = await count('message');
    const report = await ingest.ingest([
      comment('', 'kimliksiz'),
      comment('ok-1', 'Geçerli mesaj'),
      comment('absurd', 'Tarih saçma', { occurredAt: new Date('1970-01-02T00:00:00Z') }),
      comment('huge', 'ş'.repeat(40 * 1024)),
      comment('other', 'Bağlı olmayan hesap', { accountExternalId: '999' }),
      { ...comment('no-channel', 'x'), channel: 'myspace' as Channel },
    ]);
    expect(report.results.map((r) => r.outcome)).toEqual([
      'rejected',
      'stored',
      'rejected',
      'rejected',
      'unknown_account',
      'rejected',
    ]);
    expect(report.results[0].reason).toMatch(/externalId/);
    expect(report.results[2].reason).toMatch(/absurd timestamp/);
    expect(report.results[3].reason).toMatch(/64 KiB/);
    expect(report.results[5].reason).toMatch(/unknown channel/);
    expect(await count('message')).toBe(messagesBefore + 1);
  });

  it('opens one DM thread per account and contact and sets the reply window', async () => {
    const dm = (id: string, at: string): MessageEvent => ({
      ...comment(id, 'Merhaba, su kesintisi ne zaman bitecek?'),
      kind: MessageKind.Dm,
      occurredAt: new Date(at),
      contact: { externalId: 'psid-dm', name: 'Mehmet Öztürk' },
      thread: { kind: ConversationKind.Direct, key: 'dm:psid-dm' },
      parentExternalId: null,
      replyWindowExpiresAt: new Date(new Date(at).getTime() + 24 * 3600 * 1000),
    });
    await ingest.ingest([dm('m-1', '2026-11-21T08:00:00Z'), dm('m-2', '2026-11-21T09:00:00Z')]);
    const rows = await t.dataSource.query(`SELECT * FROM conversation WHERE thread_key = 'dm:psid-dm'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].kind).toBe('direct');
    expect(rows[0].message_count).toBe(2);
    expect(rows[0].reply_window_expires_at.toISOString()).toBe('2026-11-22T09:00:00.000Z');
    expect(rows[0].last_activity_at.toISOString()).toBe('2026-11-21T09:00:00.000Z');
  });

  it('finds messages with Turkish-aware search in SQL', async () => {
    await ingest.ingest([
      comment('s-1', 'IĞDIR caddesinde IŞIK yanmıyor'),
      comment('s-2', 'Şişli tarafında Çukurlar var'),
      comment('s-3', 'İSTANBUL yolu kapalı'),
    ]);
    const search = async (q: string) =>
      (
        await t.dataSource.query(`SELECT external_id FROM message WHERE search_text LIKE $1 ORDER BY external_id`, [
          likePattern(foldForSearch(q)),
        ])
      ).map((r: { external_id: string }) => r.external_id);
    expect(await search('ığdır')).toEqual(['s-1']);
    expect(await search('ışık')).toEqual(['s-1']);
    expect(await search('cukur')).toEqual(expect.arrayContaining(['c-1', 's-2']));
    expect(await search('sisli')).toEqual(['s-2']);
    expect(await search('istanbul')).toEqual(['s-3']);
  });

  it('links a reply to its parent, stored earlier or in the same batch', async () => {
    const post = (id: string) =>
      comment(id, 'Belediyemizden duyuru', { kind: MessageKind.Post, parentExternalId: null });
    await ingest.ingest([post('p-earlier')]);
    await ingest.ingest([comment('r-later', 'Teşekkürler', { parentExternalId: 'p-earlier' })]);
    await ingest.ingest([post('p-same'), comment('r-same', 'Harika haber', { parentExternalId: 'p-same' })]);
    const parentOf = async (id: string) =>
      (
        await t.dataSource.query(
          `SELECT p.external_id FROM message m LEFT JOIN message p ON p.id = m.parent_message_id WHERE m.external_id = $1`,
          [id],
        )
      )[0].external_id;
    expect(await parentOf('r-later')).toBe('p-earlier');
    expect(await parentOf('r-same')).toBe('p-same');
  });

  it('rewrites a known citizen only when the profile changes or a new day begins', async () => {
    const from = (id: string, at: string, name: string) =>
      comment(id, 'Çöpler toplanmadı', { occurredAt: new Date(at), contact: { externalId: 'psid-profile', name } });
    await ingest.ingest([from('pr-1', '2026-11-20T08:00:00Z', 'Zeynep Kılıç')]);
    const version = async () =>
      (
        await t.dataSource.query(
          `SELECT xmin::text AS v, name, last_seen_at FROM contact WHERE channel_user_id = 'psid-profile'`,
        )
      )[0];
    const first = await version();
    await ingest.ingest([from('pr-2', '2026-11-20T09:00:00Z', 'Zeynep Kılıç')]);
    expect(await version()).toEqual(first);
    await ingest.ingest([from('pr-3', '2026-11-20T10:00:00Z', 'Zeynep Kılıç Şahin')]);
    const renamed = await version();
    expect(renamed.name).toBe('Zeynep Kılıç Şahin');
    expect(renamed.v).not.toBe(first.v);
    await ingest.ingest([from('pr-4', '2026-11-22T10:00:00Z', 'Zeynep Kılıç Şahin')]);
    expect((await version()).last_seen_at.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(
      Number(
        (await t.dataSource.query(`SELECT count(*) AS n FROM contact WHERE channel_user_id = 'psid-profile'`))[0].n,
      ),
    ).toBe(1);
  });
});
