import { AuditService } from '@civic/audit';
import {
  CASE_RULE_EVENT_QUEUE,
  CaseRuleEventListener,
  CaseRuleEventWorker,
  CaseSlaScanner,
} from '@civic/automation-rules';
import type { CaseRuleEventJob } from '@civic/automation-rules';
import { Channel } from '@civic/domain';
import { FakeGraphApiServer, postSignedWebhook, whatsappMessagesWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const WA = '106540352242932';

describe('Automation rules on case events, SLA crossings and contact tags', () => {
  const graph = new FakeGraphApiServer();
  let t: TestApp;
  let seq = 0;
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });

  /** A citizen writes on WhatsApp; resolves with the conversation and contact once the inbound scanner has handled it. */
  async function citizenWrites(from: string, body: string): Promise<{ conversationId: string; contactId: string }> {
    const id = `wamid.CASE-RULE-${++seq}`;
    const webhook = whatsappMessagesWebhook(
      { phoneNumberId: WA, displayPhoneNumber: '902324440000' },
      [{ waId: from, name: 'Ayşe Yılmaz' }],
      [{ from, timestamp: String(Math.floor(Date.now() / 1000) - 5), id, type: 'text', text: { body } }],
    );
    expect((await postSignedWebhook(`${t.url}/webhooks/meta`, webhook, 'test-app-secret')).status).toBe(200);
    await t.webhooksIngested();
    await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT 1 FROM citizen_inbound_processed p JOIN message m ON m.id = p.message_id WHERE m.external_id = $1`,
        [id],
      );
      return rows.length === 1;
    });
    const [row] = await t.dataSource.query(`SELECT conversation_id, contact_id FROM message WHERE external_id = $1`, [
      id,
    ]);
    return { conversationId: row.conversation_id, contactId: row.contact_id };
  }

  async function createRule(body: object): Promise<{ id: string }> {
    const created = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(admin())
      .send({ match: 'all', stopHere: false, enabled: true, ...body });
    expect(created.status).toBe(201);
    return created.body;
  }

  const firings = (ruleId: string): Promise<{ event_key: string; case_id: string | null; outcomes: any[] }[]> =>
    t.dataSource.query(
      `SELECT event_key, case_id, outcomes FROM automation_rule_firing WHERE rule_id = $1 ORDER BY fired_at`,
      [ruleId],
    );

  const tagsOf = async (conversationId: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT tags FROM conversation WHERE id = $1`, [conversationId]))[0].tags;

  const openCase = async (conversationId: string, category: string): Promise<string> => {
    const res = await t.http().post('/api/v1/cases').set(admin()).send({ conversationId, category });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({ withWorker: true, config: { META_GRAPH_URL: graph.url, CASE_PROVINCE: 'izmir' } });
    await t
      .http()
      .post('/api/v1/channel-accounts')
      .set(admin())
      .send({
        channel: Channel.WhatsApp,
        externalId: WA,
        name: 'Karşıyaka WhatsApp',
        credentials: { accessToken: 'wa' },
      })
      .expect(201);
    await t
      .http()
      .put('/api/v1/citizen-messages/settings')
      .set(admin())
      .send({ kinds: [{ kind: 'out_of_hours', enabled: false }] })
      .expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  it('refuses conditions and actions an event does not offer, naming the field', async () => {
    const refused = async (body: object) => {
      const res = await t
        .http()
        .post('/api/v1/automation-rules')
        .set(admin())
        .send({ name: 'Yanlış', match: 'all', stopHere: false, ...body });
      expect(res.status).toBe(400);
      return (res.body.details.errors as string[]).join(' | ');
    };
    expect(
      await refused({
        event: 'message_received',
        conditions: [{ type: 'case_status', values: ['resolved'] }],
        actions: [{ kind: 'add_tags', tags: ['x'] }],
      }),
    ).toContain('conditions.0.type case_status is not available for the event message_received');
    expect(
      await refused({
        event: 'case_opened',
        conditions: [{ type: 'case_priority', values: ['acil'] }],
        actions: [{ kind: 'open_case', categoryKey: 'cop' }],
      }),
    ).toMatch(/conditions\.0\.values\.0 must be one of: .*urgent.*actions\.0\.kind open_case is not available/);
    // Changing only the event of a saved rule is checked against its stored conditions too.
    const saved = await createRule({
      name: 'Durum kuralı',
      event: 'case_status_changed',
      conditions: [{ type: 'case_previous_status', values: ['new'] }],
      actions: [{ kind: 'add_tags', tags: ['x'] }],
      enabled: false,
    });
    const patched = await t
      .http()
      .patch(`/api/v1/automation-rules/${saved.id}`)
      .set(admin())
      .send({ event: 'case_opened' });
    expect(patched.status).toBe(400);
    await t.http().delete(`/api/v1/automation-rules/${saved.id}`).set(admin()).expect(204);
  });

  it('sets contact tags: validated, lower-cased once, audited; a rule reads them', async () => {
    const { contactId, conversationId } = await citizenWrites('905321112001', 'Merhaba');
    const bad = await t
      .http()
      .put(`/api/v1/contacts/${contactId}/tags`)
      .set(admin())
      .send({ tags: ['<script>'] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const tooMany = await t
      .http()
      .put(`/api/v1/contacts/${contactId}/tags`)
      .set(admin())
      .send({ tags: Array.from({ length: 21 }, (_, i) => `etiket ${i}`) });
    expect(tooMany.status).toBe(400);
    const set = await t
      .http()
      .put(`/api/v1/contacts/${contactId}/tags`)
      .set(admin())
      .send({ tags: [' MUHTAR ', 'muhtar', 'İlçe  Basını'] });
    expect(set.status).toBe(200);
    expect(set.body.tags).toEqual(['muhtar', 'ilçe basını']);
    expect((await t.http().get(`/api/v1/contacts/${contactId}/tags`).set(admin()).expect(200)).body).toEqual({
      tags: ['muhtar', 'ilçe basını'],
    });
    const [audit] = await t.dataSource.query(
      `SELECT actor_label, before, after FROM audit_event WHERE action = 'contact.tags_changed' AND target_id = $1`,
      [contactId],
    );
    expect(audit).toEqual({
      actor_label: expect.stringContaining('@'),
      before: { tags: [] },
      after: { tags: ['muhtar', 'ilçe basını'] },
    });

    const rule = await createRule({
      name: 'Muhtardan gelen mesaj',
      event: 'message_received',
      conditions: [{ type: 'contact_tag', values: ['Muhtar'] }],
      actions: [{ kind: 'add_tags', tags: ['muhtar-mesajı'] }],
    });
    await citizenWrites('905321112001', 'Mahallede su kesintisi var');
    const other = await citizenWrites('905321112002', 'Mahallede su kesintisi var');
    expect(await tagsOf(conversationId)).toContain('muhtar-mesajı');
    expect(await tagsOf(other.conversationId)).not.toContain('muhtar-mesajı');
    expect(await firings(rule.id)).toHaveLength(1);
    await t.http().patch(`/api/v1/automation-rules/${rule.id}`).set(admin()).send({ enabled: false }).expect(200);
  });

  it('case opened and status changed fire their rules once, also when the event is delivered again', async () => {
    const opened = await createRule({
      name: 'Yol başvurusu açıldı → yol etiketi',
      event: 'case_opened',
      conditions: [
        { type: 'case_category', values: ['yol-cukur'] },
        { type: 'case_status', values: ['new', 'assigned'] },
      ],
      actions: [{ kind: 'add_tags', tags: ['yol-başvurusu'] }],
    });
    const started = await createRule({
      name: 'İşleme alındı',
      event: 'case_status_changed',
      conditions: [
        { type: 'case_status', values: ['in_progress'] },
        { type: 'case_previous_status', values: ['new', 'assigned'] },
      ],
      actions: [{ kind: 'add_tags', tags: ['işlemde'] }],
    });
    const { conversationId } = await citizenWrites('905321112003', 'Sokakta çukur var');
    const caseId = await openCase(conversationId, 'yol-cukur');
    await eventually(async () => (await firings(opened.id)).length === 1);
    const [firing] = await firings(opened.id);
    expect(firing).toMatchObject({
      event_key: `case:${caseId}:opened`,
      case_id: caseId,
      outcomes: [{ kind: 'add_tags', result: 'done' }],
    });
    expect(await tagsOf(conversationId)).toContain('yol-başvurusu');
    // The conversation's history and the audit trail name the rule.
    const [history] = await t.dataSource.query(
      `SELECT data FROM conversation_activity WHERE conversation_id = $1 AND type = 'automation'`,
      [conversationId],
    );
    expect(history.data.origin).toEqual({ kind: 'rule', id: opened.id, name: 'Yol başvurusu açıldı → yol etiketi' });
    const [{ audited }] = await t.dataSource.query(
      `SELECT count(*)::int AS audited FROM audit_event WHERE target_id = $1 AND after::text LIKE $2`,
      [conversationId, '%Yol başvurusu açıldı%'],
    );
    expect(audited).toBeGreaterThan(0);

    await t.http().post(`/api/v1/cases/${caseId}/start`).set(admin()).send({}).expect(200);
    await eventually(async () => (await firings(started.id)).length === 1);
    expect(await tagsOf(conversationId)).toContain('işlemde');
    const [statusFiring] = await firings(started.id);
    expect(statusFiring.event_key).toMatch(new RegExp(`^case:${caseId}:status:`));

    // Redelivery: the same job handled again (pg-boss delivers at least once) and sent again (one job per key).
    const worker = t.app.get(CaseRuleEventWorker);
    const again: CaseRuleEventJob = {
      organizationId: t.organizationId,
      caseId,
      event: 'case_opened' as CaseRuleEventJob['event'],
      eventKey: `case:${caseId}:opened`,
      from: null,
      to: 'new',
      depth: 0,
    };
    expect(await worker.handle(again)).toEqual([]);
    const listener = t.app.get(CaseRuleEventListener);
    await t.dataSource.transaction((m) => listener.send(m, again));
    const [{ jobs }] = await t.dataSource.query(
      `SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = $1 AND data->>'eventKey' = $2`,
      [CASE_RULE_EVENT_QUEUE.name, again.eventKey],
    );
    expect(jobs).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await firings(opened.id)).toHaveLength(1);
    expect(await firings(started.id)).toHaveLength(1);
    for (const rule of [opened, started]) {
      await t.http().patch(`/api/v1/automation-rules/${rule.id}`).set(admin()).send({ enabled: false }).expect(200);
    }
  });

  it('a case a rule opened is an event for the case rules', async () => {
    const opener = await createRule({
      name: 'Çöp mesajı → çöp başvurusu',
      event: 'message_received',
      conditions: [{ type: 'keywords', values: ['çöp*'] }],
      actions: [{ kind: 'open_case', categoryKey: 'cop' }],
    });
    const onOpened = await createRule({
      name: 'Çöp başvurusu → acil',
      event: 'case_opened',
      conditions: [{ type: 'case_category', values: ['cop'] }],
      actions: [{ kind: 'set_priority', priority: 'urgent' }],
    });
    const { conversationId } = await citizenWrites('905321112004', 'Çöpler toplanmadı');
    await eventually(async () => (await firings(onOpened.id)).length === 1);
    const [k] = await t.dataSource.query(`SELECT priority FROM civic_case WHERE conversation_id = $1`, [
      conversationId,
    ]);
    expect(k.priority).toBe('urgent');
    expect(await firings(opener.id)).toHaveLength(1);
    for (const rule of [opener, onOpened]) {
      await t.http().patch(`/api/v1/automation-rules/${rule.id}`).set(admin()).send({ enabled: false }).expect(200);
    }
  });

  it('SLA at risk and breached fire once per crossing, however often the scanner runs', async () => {
    const atRisk = await createRule({
      name: 'Süresi yaklaşıyor',
      event: 'case_sla_at_risk',
      conditions: [],
      actions: [{ kind: 'add_tags', tags: ['süre-riski'] }],
    });
    const breached = await createRule({
      name: 'Süresi geçti',
      event: 'case_sla_breached',
      conditions: [{ type: 'case_category', values: ['aydinlatma'] }],
      actions: [{ kind: 'add_tags', tags: ['gecikti'] }],
    });
    const risky = await citizenWrites('905321112005', 'Lamba yanmıyor');
    const late = await citizenWrites('905321112006', 'Lamba hâlâ yanmıyor');
    const riskyCase = await openCase(risky.conversationId, 'aydinlatma');
    const lateCase = await openCase(late.conversationId, 'aydinlatma');
    await t.dataSource.query(
      `UPDATE civic_case SET at_risk_at = now() - interval '5 minutes', due_at = now() + interval '1 hour' WHERE id = $1`,
      [riskyCase],
    );
    await t.dataSource.query(
      `UPDATE civic_case SET at_risk_at = now() - interval '2 hours', due_at = now() - interval '1 minute' WHERE id = $1`,
      [lateCase],
    );
    const scanner = t.app.get(CaseSlaScanner);
    expect(await scanner.scan()).toBeGreaterThanOrEqual(2);
    expect(await scanner.scan()).toBe(0);
    await eventually(async () => (await firings(atRisk.id)).length === 1 && (await firings(breached.id)).length === 1);
    expect((await firings(atRisk.id))[0].case_id).toBe(riskyCase);
    expect((await firings(breached.id))[0].case_id).toBe(lateCase);
    expect(await tagsOf(risky.conversationId)).toContain('süre-riski');
    expect(await tagsOf(late.conversationId)).toContain('gecikti');
    const signals = await t.dataSource.query(
      `SELECT case_id, kind FROM automation_sla_signal WHERE case_id = ANY($1::uuid[]) ORDER BY kind`,
      [[riskyCase, lateCase]],
    );
    expect(signals).toEqual([
      { case_id: riskyCase, kind: 'at_risk' },
      { case_id: lateCase, kind: 'breached' },
    ]);
    // A new due date is a new crossing.
    await t.dataSource.query(`UPDATE civic_case SET due_at = now() - interval '30 seconds' WHERE id = $1`, [lateCase]);
    expect(await scanner.scan()).toBe(1);
    await eventually(async () => (await firings(breached.id)).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await firings(atRisk.id)).toHaveLength(1);
    // The rules' history and audit rows were written together at each commit: the audit chain still holds.
    expect(await t.app.get(AuditService).verify(t.organizationId)).toMatchObject({ ok: true });
  });
});
