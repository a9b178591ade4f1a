import { AuditService } from '@civic/audit';
import {
  CaseCategory,
  Channel,
  ChannelAccount,
  Contact,
  Conversation,
  ConversationKind,
  Department,
  DepartmentKind,
  User,
  UserRole,
} from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** The trail as an auditor reads it: names instead of ids, filters, and keyset pages through thousands. */
describe('audit trail with names (GET /api/v1/audit/events)', () => {
  let t: TestApp;
  let audit: AuditService;
  let auditor: string;
  let officer: User;
  let gone: User;
  const ids: Record<string, string> = {};

  const get = async (query: string) =>
    (await t.http().get(`/api/v1/audit/events?${query}`).set('Authorization', `Bearer ${auditor}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
    auditor = (await t.createUser([UserRole.Auditor])).token;
    officer = (await t.createUser([UserRole.Officer])).user;
    await t.dataSource.getRepository(User).update(officer.id, { displayName: 'Ayşe Yılmaz' });
    gone = (await t.createUser([UserRole.Officer])).user;
    const org = t.organizationId;
    const account = await t.dataSource.getRepository(ChannelAccount).save({
      organizationId: org,
      channel: Channel.WhatsApp,
      externalId: 'wa-names',
      name: 'Çankaya Belediyesi WhatsApp',
    });
    const contact = await t.dataSource.getRepository(Contact).save({
      organizationId: org,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      channelUserId: '905551112233',
      name: 'Şükrü Çağlayan',
    });
    const erasedContact = await t.dataSource.getRepository(Contact).save({
      organizationId: org,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      channelUserId: '905559998877',
      name: 'Anonim vatandaş',
    });
    const conversation = await t.dataSource.getRepository(Conversation).save({
      organizationId: org,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      kind: ConversationKind.Direct,
      threadKey: '905551112233',
      contactId: contact.id,
      lastActivityAt: new Date(),
    });
    const erasedConversation = await t.dataSource.getRepository(Conversation).save({
      organizationId: org,
      channelAccountId: account.id,
      channel: Channel.WhatsApp,
      kind: ConversationKind.Direct,
      threadKey: 'anon:1',
      contactId: erasedContact.id,
      lastActivityAt: new Date(),
    });
    const department = await t.dataSource.getRepository(Department).save({
      organizationId: org,
      name: 'Fen İşleri Müdürlüğü',
      kind: DepartmentKind.Department,
    });
    const category = await t.dataSource.getRepository(CaseCategory).save({
      organizationId: org,
      code: 'yol',
      name: 'Yol ve kaldırım',
      slaHours: 72,
    });
    const [kase] = await t.dataSource.query(
      `INSERT INTO civic_case (organization_id, number, case_number, conversation_id, channel, channel_account_id, category_id, due_at, at_risk_at)
       VALUES ($1, 42, '2026-000042', $2, 'whatsapp', $3, $4, now() + interval '3 days', now() + interval '2 days') RETURNING id`,
      [org, conversation.id, account.id, category.id],
    );
    Object.assign(ids, {
      account: account.id,
      conversation: conversation.id,
      erasedConversation: erasedConversation.id,
      department: department.id,
      case: kase.id,
    });
    const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
    await audit.record({
      organizationId: org,
      actorUserId: officer.id,
      action: 'case.assigned',
      targetType: 'case',
      targetId: kase.id,
      before: { status: 'new', departmentId: null, priority: 'normal' },
      after: { status: 'assigned', departmentId: department.id, priority: 'high' },
      occurredAt: at(2),
    });
    await audit.record({
      organizationId: org,
      actorUserId: officer.id,
      action: 'conversation.status_changed',
      targetType: 'conversation',
      targetId: conversation.id,
      before: { status: 'open' },
      after: { from: 'open', to: 'resolved' },
      occurredAt: at(3),
    });
    await audit.record({
      organizationId: org,
      actorUserId: gone.id,
      action: 'conversation.note_added',
      targetType: 'conversation',
      targetId: erasedConversation.id,
      occurredAt: at(4),
    });
    await audit.record({
      organizationId: org,
      actorUserId: officer.id,
      action: 'channel_account.updated',
      targetType: 'channel_account',
      targetId: account.id,
      occurredAt: at(5),
    });
    await t.dataSource.getRepository(User).delete({ id: gone.id });
    // Thousands of events to page through (one statement: the chain is what AuditService writes).
    await audit.recordMany(
      Array.from({ length: 1200 }, (_, i) => ({
        organizationId: org,
        actorLabel: 'system',
        action: 'mention.digest_created',
        targetType: 'organization',
        targetId: org,
        occurredAt: new Date(at(10).getTime() + i * 1000),
      })),
    );
  });
  afterAll(() => t?.close());

  it('names actors and targets, and the ids mentioned in before/after', async () => {
    const page = await get(`targetType=case`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'case.assigned',
      actorName: 'Ayşe Yılmaz',
      target: {
        found: true,
        caseNumber: '2026-000042',
        name: 'Yol ve kaldırım',
        conversationId: ids.conversation,
        erased: false,
      },
    });
    expect(page.names).toEqual({ [ids.department]: 'Fen İşleri Müdürlüğü' });
    const byAccount = await get(`target=channel_account:${ids.account}`);
    expect(byAccount.items[0].target).toMatchObject({ name: 'Çankaya Belediyesi WhatsApp', channel: 'whatsapp' });
    const conversation = await get(`target=conversation:${ids.conversation}`);
    expect(conversation.items[0].target).toMatchObject({
      name: 'Şükrü Çağlayan',
      channel: 'whatsapp',
      conversationId: ids.conversation,
      erased: false,
    });
  });

  it('shows a deleted user as nameless and an anonymized citizen as erased, never by id', async () => {
    const page = await get(`action=conversation.note_added`);
    expect(page.items[0]).toMatchObject({
      actorUserId: gone.id,
      actorName: null,
      target: { found: true, erased: true, conversationId: ids.erasedConversation },
    });
  });

  it('filters by user, action prefix, target type and date range', async () => {
    const byUser = await get(`actor=${officer.id}`);
    expect(byUser.items.map((e: { action: string }) => e.action)).toEqual([
      'channel_account.updated',
      'conversation.status_changed',
      'case.assigned',
    ]);
    const prefix = await get(`action=conversation.*`);
    expect(prefix.items).toHaveLength(2);
    const range = await get(`from=2026-03-03T00:00:00Z&to=2026-03-05T00:00:00Z`);
    expect(range.items.map((e: { action: string }) => e.action)).toEqual([
      'conversation.note_added',
      'conversation.status_changed',
    ]);
    await t
      .http()
      .get('/api/v1/audit/events?from=2026-03-05T00:00:00Z&to=2026-03-03T00:00:00Z')
      .set('Authorization', `Bearer ${auditor}`)
      .expect(400);
    const wrong = await t
      .http()
      .get('/api/v1/audit/events?targetType=Case%20x')
      .set('Authorization', `Bearer ${auditor}`)
      .expect(400);
    expect(JSON.stringify(wrong.body)).toContain('targetType');
  });

  it('pages through thousands of events by cursor, each once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { seq: string }[]; nextCursor: string | null } = await get(
        `action=mention.digest_created&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(1200);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it('lists the users an auditor can filter by', async () => {
    const actors = (await t.http().get('/api/v1/audit/actors').set('Authorization', `Bearer ${auditor}`).expect(200))
      .body as { id: string; name: string }[];
    expect(actors).toEqual(expect.arrayContaining([expect.objectContaining({ id: officer.id, name: 'Ayşe Yılmaz' })]));
    expect(actors.some((a) => a.id === gone.id)).toBe(false);
  });
});
