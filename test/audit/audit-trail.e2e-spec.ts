import { AuditService, auditVerifyCommand } from '@civic/audit';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('audit trail (append-only, hash-chained)', () => {
  let t: TestApp;
  let audit: AuditService;
  let auditorToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
    auditorToken = (await t.createUser([UserRole.Auditor])).token;
  });
  afterAll(() => t?.close());

  const entry = (action: string, extra: Record<string, unknown> = {}) => ({
    organizationId: t.organizationId,
    actorUserId: null,
    actorLabel: 'denetim@test.belediye.tr',
    action,
    targetType: 'conversation',
    targetId: 'c-1',
    before: { durum: 'açık' },
    after: { durum: 'kapalı', etiketler: ['çöp', 'İmar'] },
    ...extra,
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_event at the database', async () => {
    const event = await audit.record(entry('conversation.status_changed'));
    await expect(
      t.dataSource.query('UPDATE audit_event SET action = $1 WHERE id = $2', ['x', event.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_event WHERE id = $1', [event.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    const [row] = await t.dataSource.query('SELECT action FROM audit_event WHERE id = $1', [event.id]);
    expect(row.action).toBe('conversation.status_changed');
  });

  it('keeps one valid chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => audit.record(entry(`tag.added`, { targetId: `c-${i}` }))));
    const report = await audit.verify(t.organizationId);
    expect(report).toMatchObject({ ok: true });
    const [{ count, max }] = await t.dataSource.query(
      'SELECT count(*)::int AS count, max(seq)::int AS max FROM audit_event WHERE organization_id = $1',
      [t.organizationId],
    );
    expect(report.checked).toBe(count);
    expect(max).toBe(count);
  });

  it('records inside the caller transaction and rolls back with it', async () => {
    const before = (await audit.verify(t.organizationId)).checked;
    await expect(
      t.dataSource.transaction(async (manager) => {
        await audit.record(entry('note.added'), manager);
        throw new Error('iş hatası');
      }),
    ).rejects.toThrow('iş hatası');
    expect((await audit.verify(t.organizationId)).checked).toBe(before);
  });

  it('lists events for auditors with filters and keyset pagination, and refuses officers', async () => {
    const page1 = await t
      .http()
      .get('/api/v1/audit/events?action=tag.added&limit=10')
      .set('Authorization', `Bearer ${auditorToken}`)
      .expect(200);
    expect(page1.body.items).toHaveLength(10);
    expect(page1.body.items.every((e: { action: string }) => e.action === 'tag.added')).toBe(true);
    const page2 = await t
      .http()
      .get(`/api/v1/audit/events?action=tag.added&limit=10&cursor=${page1.body.nextCursor}`)
      .set('Authorization', `Bearer ${auditorToken}`)
      .expect(200);
    expect(Number(page2.body.items[0].seq)).toBeLessThan(Number(page1.body.items[9].seq));
    const byTarget = await t
      .http()
      .get('/api/v1/audit/events?target=conversation:c-3')
      .set('Authorization', `Bearer ${auditorToken}`)
      .expect(200);
    expect(byTarget.body.items).toHaveLength(1);
    const officer = await t.createUser([UserRole.Officer]);
    await t.http().get('/api/v1/audit/events').set('Authorization', `Bearer ${officer.token}`).expect(403);
  });

  it('names the exact event a superuser altered behind the trigger (API and CLI)', async () => {
    const ok = await t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${auditorToken}`).expect(200);
    expect(ok.body).toMatchObject({ ok: true });
    const [victim] = await t.dataSource.query('SELECT id FROM audit_event WHERE organization_id = $1 AND seq = 5', [
      t.organizationId,
    ]);
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      await runner.query(`UPDATE audit_event SET after = '{"durum":"açık"}'::jsonb WHERE id = $1`, [victim.id]);
      await runner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    } finally {
      await runner.release();
    }
    const broken = await t
      .http()
      .get('/api/v1/audit/verify')
      .set('Authorization', `Bearer ${auditorToken}`)
      .expect(200);
    expect(broken.body).toMatchObject({ ok: false, firstBrokenEventId: String(victim.id), checked: 5 });
    expect(broken.body.reason).toMatch(/altered/);

    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = t.db.url;
    try {
      expect(await auditVerifyCommand.run(['--org', t.organizationId])).toBe(1);
    } finally {
      process.env.DATABASE_URL = previous;
      log.mockRestore();
    }
    expect(lines.join('\n')).toContain(`event ${victim.id} (#5)`);
  });

  it('reports a deleted event as a gap at the next one', async () => {
    const runner = t.dataSource.createQueryRunner();
    const [next] = await t.dataSource.query('SELECT id FROM audit_event WHERE organization_id = $1 AND seq = 3', [
      t.organizationId,
    ]);
    try {
      await runner.query('SET session_replication_role = replica');
      await runner.query('DELETE FROM audit_event WHERE organization_id = $1 AND seq = 2', [t.organizationId]);
      await runner.query('SET session_replication_role = DEFAULT');
    } finally {
      await runner.release();
    }
    const report = await audit.verify(t.organizationId);
    expect(report).toMatchObject({ ok: false, firstBrokenEventId: String(next.id) });
    expect(report.reason).toMatch(/gap/);
  });
});
