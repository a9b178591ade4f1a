import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MENTION_RULE_EVENT_QUEUE, MentionRuleEventWorker } from '@civic/automation-rules';
import { Channel, UserRole } from '@civic/domain';
import { MentionStoreService } from '@civic/mentions';
import type { MentionCandidate } from '@civic/mentions';
import { eventually } from '../support/eventually';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Automation rules on mentions (mention_matched)', () => {
  const smtp = new FakeSmtpServer();
  let t: TestApp;
  let seq = 0;
  let watchlistId: string;
  let otherWatchlistId: string;
  let teamId: string;
  let members: string[];
  const admin = () => ({ authorization: `Bearer ${t.adminToken}` });

  const candidate = (watchlist: string, text: string, over: Partial<MentionCandidate> = {}): MentionCandidate => ({
    organizationId: t.organizationId,
    watchlistId: watchlist,
    messageId: null,
    channel: Channel.Twitter,
    externalId: `18${String(++seq).padStart(17, '0')}`,
    source: 'twitter_search',
    authorExternalId: `u${seq}`,
    authorName: 'Ayşe Yılmaz',
    authorHandle: 'ayseyilmaz',
    text,
    url: `https://x.com/ayseyilmaz/status/${seq}`,
    matchedTerms: [],
    publishedAt: new Date(Date.now() - 60_000),
    authorFollowers: 1200,
    likeCount: 3,
    repostCount: 1,
    replyCount: 0,
    reach: 1200,
    ...over,
  });

  /** Stores mentions as the mention sources do: in one transaction through MentionStoreService. */
  const store = (candidates: MentionCandidate[]) =>
    t.dataSource.transaction((m) => t.app.get(MentionStoreService).store(m, candidates));

  const mentionId = async (c: MentionCandidate): Promise<string> =>
    (
      await t.dataSource.query(`SELECT id FROM mention WHERE watchlist_id = $1 AND external_id = $2`, [
        c.watchlistId,
        c.externalId,
      ])
    )[0].id;

  const firings = (ruleId: string): Promise<{ event_key: string; outcomes: any[]; conversation_id: string | null }[]> =>
    t.dataSource.query(
      `SELECT event_key, outcomes, conversation_id FROM automation_rule_firing WHERE rule_id = $1 ORDER BY fired_at`,
      [ruleId],
    );

  const mentionJobs = async (mention: string): Promise<number> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'mentionId' = $2`,
        [MENTION_RULE_EVENT_QUEUE.name, mention],
      )
    )[0].n;

  async function createRule(body: object): Promise<{ id: string }> {
    const created = await t
      .http()
      .post('/api/v1/automation-rules')
      .set(admin())
      .send({ match: 'all', stopHere: false, enabled: true, event: 'mention_matched', ...body });
    expect(created.status).toBe(201);
    return created.body;
  }

  const watchlist = async (name: string, terms: string[]): Promise<string> =>
    (await t.http().post('/api/v1/mentions/watchlists').set(admin()).send({ name, terms }).expect(201)).body.id;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      withWorker: true,
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Belediye <bildirim@belediye.example>' },
    });
    watchlistId = await watchlist('Başkan', ['Büyükkılıç']);
    otherWatchlistId = await watchlist('Belediye', ['Melikgazi']);
    const users = [await t.createUser([UserRole.Officer]), await t.createUser([UserRole.Officer])];
    members = users.map((u) => u.user.email);
    teamId = (
      await t
        .http()
        .post('/api/v1/teams')
        .set(admin())
        .send({ name: 'Basın Masası', memberIds: users.map((u) => u.user.id) })
        .expect(201)
    ).body.id;
  }, 90_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('refuses conditions and actions the mention event does not offer, naming the field', async () => {
    const refused = async (body: object) => {
      const res = await t
        .http()
        .post('/api/v1/automation-rules')
        .set(admin())
        .send({ name: 'Yanlış', match: 'all', stopHere: false, event: 'mention_matched', ...body });
      expect(res.status).toBe(400);
      return (res.body.details.errors as string[]).join(' | ');
    };
    expect(
      await refused({
        conditions: [{ type: 'watchlist', values: [watchlistId] }, { type: 'has_photo' }],
        actions: [{ kind: 'notify_team', teamId }],
      }),
    ).toContain('conditions.1.type has_photo is not available for the event mention_matched');
    expect(
      await refused({
        conditions: [{ type: 'keywords', values: ['çukur*'] }],
        actions: [{ kind: 'add_tags', tags: ['x'] }],
      }),
    ).toContain('actions.0.kind add_tags is not available for the event mention_matched');
    // The watchlist condition is the mention event's own.
    expect(
      await t
        .http()
        .post('/api/v1/automation-rules')
        .set(admin())
        .send({
          name: 'Yanlış',
          match: 'all',
          stopHere: false,
          event: 'message_received',
          conditions: [{ type: 'watchlist', values: [watchlistId] }],
          actions: [{ kind: 'add_tags', tags: ['x'] }],
        })
        .then((r) => (r.body.details.errors as string[]).join(' | ')),
    ).toContain('conditions.0.type watchlist is not available for the event message_received');
    expect(
      await refused({
        conditions: [{ type: 'watchlist', values: ['başkan'] }],
        actions: [{ kind: 'notify_team', teamId }],
      }),
    ).toContain('conditions.0.values.0 must be a watchlist id');
  });

  it('fires a watchlist + keywords rule once per mention, also when stored again, and e-mails the team the excerpt', async () => {
    const rule = await createRule({
      name: 'Başkana çukur şikâyeti',
      conditions: [
        { type: 'watchlist', values: [watchlistId] },
        { type: 'keywords', values: ['cukur*', 'asfalt'] },
        { type: 'channel', values: ['twitter'] },
      ],
      actions: [{ kind: 'notify_team', teamId }],
    });
    const hit = candidate(watchlistId, 'Büyükkılıç bey, Gesi yolundaki ÇUKURLAR ne zaman kapanacak?');
    expect(await store([hit])).toEqual({ inserted: 1, linked: 0 });
    const id = await mentionId(hit);
    await eventually(async () => (await firings(rule.id)).length === 1, 20_000);
    expect(await firings(rule.id)).toEqual([
      { event_key: `mention:${id}`, conversation_id: null, outcomes: [{ kind: 'notify_team', result: 'done' }] },
    ]);
    await eventually(async () => members.every((m) => smtp.messagesTo(m).length === 1), 20_000);
    const [mail] = smtp.messagesTo(members[0]);
    expect(mail.subject).toBe('Basın Masası: "Başkan" listesine yeni bir bahsetme');
    expect(mail.text).toContain('Kural: Başkana çukur şikâyeti');
    expect(mail.text).toContain('İzleme listesi: Başkan');
    expect(mail.text).toContain('Yazan: @ayseyilmaz');
    expect(mail.text).toContain('Metin: Büyükkılıç bey, Gesi yolundaki ÇUKURLAR ne zaman kapanacak?');
    expect(mail.text).toContain(`Bağlantı: ${hit.url}`);

    // The same post stored again (a re-scan, a second search page) is no new event.
    expect(await store([{ ...hit, likeCount: 9 }])).toEqual({ inserted: 0, linked: 0 });
    expect(await mentionJobs(id)).toBe(1);
    // A redelivered job fires nothing twice.
    expect(
      await t.app.get(MentionRuleEventWorker).handle({
        organizationId: t.organizationId,
        mentionId: id,
        eventKey: `mention:${id}`,
      }),
    ).toEqual([]);
    expect(await firings(rule.id)).toHaveLength(1);

    // History and audit name the rule.
    const audit = await t.dataSource.query(
      `SELECT action, actor_label, after FROM audit_event WHERE target_type = 'mention' AND target_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      {
        action: 'mention.automation',
        actor_label: 'system',
        after: expect.objectContaining({
          origin: { kind: 'rule', id: rule.id, name: 'Başkana çukur şikâyeti' },
          step: 1,
          action: { kind: 'notify_team', teamId },
          result: 'done',
        }),
      },
    ]);
    // The trail names the mention by its public author.
    const trail = await t.http().get(`/api/v1/audit/events?target=mention:${id}`).set(admin()).expect(200);
    expect(trail.body.items[0]).toMatchObject({
      action: 'mention.automation',
      target: { name: '@ayseyilmaz', channel: 'twitter', found: true },
    });
    const listed = await t.http().get('/api/v1/automation-rules').set(admin()).expect(200);
    expect(listed.body.find((r: { id: string }) => r.id === rule.id)).toMatchObject({ firings: 1 });
    await t.http().delete(`/api/v1/automation-rules/${rule.id}`).set(admin());
  });

  it('fires nothing on a mention of another watchlist or without the keywords', async () => {
    const rule = await createRule({
      name: 'Başkana asfalt',
      conditions: [
        { type: 'watchlist', values: [watchlistId] },
        { type: 'keywords', values: ['asfalt*'] },
      ],
      actions: [{ kind: 'notify_team', teamId }],
    });
    const before = smtp.messagesTo(members[0]).length;
    const other = candidate(otherWatchlistId, 'Melikgazi asfaltı yeniledi');
    const noWords = candidate(watchlistId, 'Büyükkılıç parkı açtı');
    expect(await store([other, noWords])).toEqual({ inserted: 2, linked: 0 });
    const ids = [await mentionId(other), await mentionId(noWords)];
    // The jobs are in the outbox; run them here so the test does not wait on a time.
    for (const id of ids) {
      expect(
        await t.app.get(MentionRuleEventWorker).handle({
          organizationId: t.organizationId,
          mentionId: id,
          eventKey: `mention:${id}`,
        }),
      ).toEqual([]);
    }
    expect(await firings(rule.id)).toEqual([]);
    expect(smtp.messagesTo(members[0])).toHaveLength(before);
    await t.http().delete(`/api/v1/automation-rules/${rule.id}`).set(admin());
  });

  it('a minimum reach matches posts with at least that audience, never an unknown one', async () => {
    expect(
      (
        await t
          .http()
          .post('/api/v1/automation-rules')
          .set(admin())
          .send({
            name: 'Yanlış',
            match: 'all',
            stopHere: false,
            event: 'mention_matched',
            conditions: [{ type: 'min_reach', values: ['çok'] }],
            actions: [{ kind: 'notify_team', teamId }],
          })
          .expect(400)
      ).body.details.errors,
    ).toContain('conditions.0.values.0 must be a whole number from 1 to 1000000000');
    const rule = await createRule({
      name: 'Geniş kitleye ulaşan',
      conditions: [
        { type: 'watchlist', values: [otherWatchlistId] },
        { type: 'min_reach', values: ['5000'] },
      ],
      actions: [{ kind: 'notify_team', teamId }],
    });
    const small = candidate(otherWatchlistId, 'Melikgazi parkı', { reach: 1200 });
    const unknown = candidate(otherWatchlistId, 'Melikgazi pazarı', { reach: null, authorFollowers: null });
    const large = candidate(otherWatchlistId, 'Melikgazi meydanı', { reach: 80_000 });
    await store([small, unknown, large]);
    for (const c of [small, unknown, large]) {
      const id = await mentionId(c);
      await t.app.get(MentionRuleEventWorker).handle({
        organizationId: t.organizationId,
        mentionId: id,
        eventKey: `mention:${id}`,
      });
    }
    expect((await firings(rule.id)).map((f) => f.event_key)).toEqual([`mention:${await mentionId(large)}`]);
    await t.http().delete(`/api/v1/automation-rules/${rule.id}`).set(admin());
  });

  it('notify_team_webhook posts the mention to the team’s webhook through its queue', async () => {
    const received: { headers: IncomingHttpHeaders; raw: string }[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/basin`;
      await t.http().patch(`/api/v1/teams/${teamId}`).set(admin()).send({ webhookUrl: url }).expect(200);
      const rule = await createRule({
        name: 'Meydan haberleri',
        conditions: [
          { type: 'watchlist', values: [watchlistId] },
          { type: 'keywords', values: ['meydan*'] },
        ],
        actions: [{ kind: 'notify_team_webhook', teamId }],
      });
      const hit = candidate(watchlistId, 'Büyükkılıç meydanda halkla buluştu');
      await store([hit]);
      await eventually(async () => received.length === 1, 20_000);
      const body = JSON.parse(received[0].raw);
      expect(received[0].headers['x-civic-event']).toBe('team.notified');
      expect(body).toMatchObject({
        event: 'team.notified',
        team: { id: teamId, name: 'Basın Masası' },
        origin: { kind: 'rule', name: 'Meydan haberleri' },
        preview: 'Büyükkılıç meydanda halkla buluştu',
        mention: {
          watchlist: 'Başkan',
          author: '@ayseyilmaz',
          excerpt: 'Büyükkılıç meydanda halkla buluştu',
          url: hit.url,
        },
      });
      expect(body.text).toContain('"Başkan" listesine yeni bir bahsetme');
      expect(await firings(rule.id)).toEqual([
        expect.objectContaining({ outcomes: [{ kind: 'notify_team_webhook', result: 'done' }] }),
      ]);
      await t.http().delete(`/api/v1/automation-rules/${rule.id}`).set(admin());
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('the dry run over the last mentions reports the matches and changes nothing', async () => {
    const definition = {
      name: 'Deneme',
      match: 'all',
      stopHere: false,
      event: 'mention_matched',
      conditions: [
        { type: 'watchlist', values: [watchlistId] },
        { type: 'keywords', values: ['cukur*'] },
      ],
      actions: [{ kind: 'notify_team', teamId }],
    };
    const counts = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*)::int FROM automation_rule_firing) AS firings,
                  (SELECT count(*)::int FROM pgboss.job WHERE name = $1) AS jobs,
                  (SELECT count(*)::int FROM automation_rule) AS rules`,
          [MENTION_RULE_EVENT_QUEUE.name],
        )
      )[0];
    const before = await counts();
    const res = await t.http().post('/api/v1/automation-rules/try').set(admin()).send(definition);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ over: 'mentions', matched: 1 });
    expect(res.body.examined).toBeGreaterThanOrEqual(3);
    expect(res.body.matches[0]).toMatchObject({
      watchlistName: 'Başkan',
      contactName: '@ayseyilmaz',
      excerpt: 'Büyükkılıç bey, Gesi yolundaki ÇUKURLAR ne zaman kapanacak?',
      conversationId: null,
      actions: [{ kind: 'notify_team', teamId }],
    });
    expect(await counts()).toEqual(before);
  });
});
