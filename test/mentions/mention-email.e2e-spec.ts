import { UserRole } from '@civic/domain';
import { MentionNotifierService } from '@civic/mentions';
import { FakeSmtpServer } from '../support/fake-smtp.server';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Mention alerts and digests by e-mail through SMTP (SMTP_URL set)', () => {
  const smtp = new FakeSmtpServer();
  let t: TestApp;
  let notifier: MentionNotifierService;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ config: { SMTP_URL: smtp.url, MAIL_FROM: 'civic-inbox <bildirim@melikgazi.example>' } });
    notifier = t.app.get(MentionNotifierService);
    const mayor = (await t.createUser([UserRole.MayorOffice])).token;
    await t
      .http()
      .put('/api/v1/mentions/settings')
      .set('authorization', `Bearer ${mayor}`)
      .send({ email: 'baskanlik@melikgazi.example' })
      .expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const enqueue = (kind: 'spike' | 'digest', subject: string, payload: unknown) =>
    t.dataSource.transaction((manager) => notifier.enqueue(manager, t.organizationId, kind, subject, payload));

  it('sends a spike alert and a digest once each, as readable Turkish text', async () => {
    await enqueue('spike', 'Bahsetme artışı: "Melikgazi" son bir saatte 40 kez anıldı', {
      watchlistName: 'Melikgazi',
      openedAt: '2026-03-10T08:40:00.000Z',
      lastHourCount: 40,
      medianDaily: 6,
      threshold: 30,
    });
    await enqueue('digest', 'Günlük bahsetme özeti 2026-03-10: 81 bahsetme', {
      date: '2026-03-10',
      timeZone: 'Europe/Istanbul',
      total: 81,
      byChannel: [
        { channel: 'instagram', count: 80 },
        { channel: 'twitter', count: 1 },
      ],
      byWatchlist: [{ watchlistId: 'w1', name: 'Melikgazi', count: 80 }],
      spikes: [],
      topPosts: [
        {
          id: 'p1',
          watchlistId: 'w1',
          channel: 'instagram',
          authorHandle: 'kayseri_haber',
          authorName: null,
          text: 'Büyükkılıç çöp toplama hizmeti harika',
          url: 'https://instagram.example/p/1',
          reach: 900,
          likes: 40,
          publishedAt: '2026-03-10T09:00:00Z',
        },
      ],
    });
    expect(await notifier.deliver()).toEqual({ sent: 2, failed: 0 });
    expect(await notifier.deliver()).toEqual({ sent: 0, failed: 0 });

    const mails = smtp.messagesTo('baskanlik@melikgazi.example');
    expect(mails.map((m) => m.subject)).toEqual([
      'Bahsetme artışı: "Melikgazi" son bir saatte 40 kez anıldı',
      'Günlük bahsetme özeti 2026-03-10: 81 bahsetme',
    ]);
    expect(mails[0].text).toContain('Son bir saatteki bahsetme: 40 (eşik 30, günlük medyan 6)');
    expect(mails[1].text).toContain('Toplam bahsetme: 81');
    expect(mails[1].text).toContain('  instagram: 80');
    expect(mails[1].text).toContain(
      '[instagram] @kayseri_haber: Büyükkılıç çöp toplama hizmeti harika https://instagram.example/p/1',
    );
    const rows = await t.dataSource.query(
      `SELECT id, status FROM mention_notification WHERE transport = 'email' ORDER BY created_at`,
    );
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent']);
    expect(mails[0].messageId).toBe(`<mention-notification.${rows[0].id}@civic-inbox>`);
  });

  it('keeps a temporarily refused e-mail queued for the next run and fails a permanently refused one at once', async () => {
    smtp.refuseNext('baskanlik@melikgazi.example', 451, 'Greylisted');
    await enqueue('spike', 'Bahsetme artışı: "Başkan" son bir saatte 35 kez anıldı', {
      watchlistName: 'Başkan',
      openedAt: '2026-03-11T08:00:00.000Z',
      lastHourCount: 35,
      medianDaily: 5,
      threshold: 25,
    });
    expect(await notifier.deliver()).toEqual({ sent: 0, failed: 1 });
    expect(await notifier.deliver()).toEqual({ sent: 1, failed: 0 });

    smtp.refuseNext('baskanlik@melikgazi.example', 550, 'Mailbox unavailable');
    await enqueue('spike', 'Bahsetme artışı: "Kayseri" son bir saatte 50 kez anıldı', {
      watchlistName: 'Kayseri',
      openedAt: '2026-03-12T08:00:00.000Z',
      lastHourCount: 50,
      medianDaily: 9,
      threshold: 40,
    });
    expect(await notifier.deliver()).toEqual({ sent: 0, failed: 1 });
    expect(await notifier.deliver()).toEqual({ sent: 0, failed: 0 });
    const [row] = await t.dataSource.query(
      `SELECT status, attempts, last_error FROM mention_notification WHERE subject LIKE '%Kayseri%'`,
    );
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: expect.stringMatching(/550.*Mailbox unavailable/),
    });
    expect(smtp.messagesTo('baskanlik@melikgazi.example').filter((m) => m.subject?.includes('Başkan'))).toHaveLength(1);
  });
});
