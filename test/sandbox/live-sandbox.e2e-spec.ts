import type { LiveScene } from '@civic/sandbox';
import { LiveSceneMaker, SANDBOX_IDS, SandboxChannels, SandboxModule } from '@civic/sandbox';
import { postSignedWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { TINY_PNG } from '../support/tiny-png';

/** The citizen's words in a scene, wherever its channel puts them. */
function wordsOf(scene: LiveScene): string | null {
  if (scene.kind === 'tweet') {
    return scene.text;
  }
  const json = JSON.stringify(scene.body);
  return /"(?:body|message|text|caption)":"([^"]{12,})"/.exec(json)?.[1] ?? null;
}

describe('Sandbox: live scenes with variety, receipts for replies, edits, deletions and reactions', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: { ...sandbox.configOverrides(), SANDBOX_HISTORY: 'false' },
      include: [SandboxModule.register(sandbox)],
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('an hour of scenes (one every 6 s) covers every kind and hardly repeats itself', () => {
    const maker = new LiveSceneMaker(7);
    const start = Date.parse('2026-12-07T09:00:00Z');
    const scenes = Array.from({ length: 600 }, (_, i) => maker.next(new Date(start + i * 6000)));
    expect(new Set(scenes.map((s) => s.label))).toEqual(
      new Set([
        'WhatsApp text',
        'WhatsApp photo',
        'WhatsApp location',
        'Facebook comment',
        'Messenger DM',
        'Messenger DM to the mayor',
        'Instagram comment',
        'Instagram DM',
        'X mention',
        'Facebook comment edited',
        'Messenger DM deleted',
        'Messenger reaction',
      ]),
    );
    const words = scenes.map(wordsOf).filter((w): w is string => w !== null);
    expect(words.length).toBeGreaterThan(350);
    expect(new Set(words).size / words.length).toBeGreaterThan(0.85);
    const photos = scenes.filter((s) => s.kind === 'meta-webhook' && s.media).slice(0, 2);
    // Generated street photos (JPEG), not a 1×1 placeholder.
    for (const photo of photos) {
      const bytes = (photo as { media: { bytes: Buffer } }).media.bytes;
      expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  });

  it('stores what the scenes carry, edits, deletions and reactions included, and receipts reach the replies', async () => {
    const maker = new LiveSceneMaker(11);
    const seen = new Set<string>();
    for (
      let i = 0;
      i < 250 && !['Facebook comment edited', 'Messenger DM deleted', 'Messenger reaction'].every((l) => seen.has(l));
      i++
    ) {
      const scene = maker.next();
      if (scene.kind !== 'meta-webhook') {
        continue;
      }
      seen.add(scene.label);
      if (scene.profile) {
        sandbox.graph.profiles.add(scene.profile.userId, {
          first_name: scene.profile.first,
          last_name: scene.profile.last,
        });
      }
      if (scene.media) {
        // The tiny PNG stands in for the drawn photo (checked above): drawing it here would hold up ingest in this process.
        sandbox.graph.addMedia(scene.media.id, { bytes: TINY_PNG, mimeType: 'image/png' });
      }
      // Drawing a photo blocks for a moment; a keep-alive socket closed meanwhile is retried once (Meta retries too).
      const post = () => postSignedWebhook(`${t.url}/webhooks/meta`, scene.body, SANDBOX_IDS.appSecret);
      const answer = await post().catch(post);
      expect(answer.status).toBe(200);
    }
    await t.webhooksIngested();
    const [stored] = await t.dataSource.query(
      `SELECT (count(DISTINCT channel) FILTER (WHERE channel IN ('facebook', 'instagram', 'whatsapp')))::int AS channels, count(*) FILTER (WHERE edited)::int AS edited,
              count(*) FILTER (WHERE deleted)::int AS deleted, count(*) FILTER (WHERE kind = 'reaction')::int AS reactions,
              count(*) FILTER (WHERE attachments @> '[{"type": "location"}]')::int AS pins
         FROM message WHERE organization_id = $1`,
      [t.organizationId],
    );
    // The app's own live ticks may add an X mention meanwhile; the scenes posted here are Meta's three channels.
    expect(stored.channels).toBe(3);
    expect(stored.edited).toBeGreaterThan(0);
    expect(stored.deleted).toBeGreaterThan(0);
    expect(stored.reactions).toBeGreaterThan(0);
    expect(stored.pins).toBeGreaterThan(0);

    // An officer answers a WhatsApp and a Messenger citizen: the phones confirm delivery, then reading.
    const threads: { id: string; channel: string }[] = await t.dataSource.query(
      `SELECT DISTINCT ON (c.channel) c.id, c.channel FROM conversation c
         JOIN message m ON m.conversation_id = c.id AND m.direction = 'in' AND NOT m.deleted AND m.kind = 'dm'
        WHERE c.organization_id = $1 AND c.kind = 'direct' AND c.channel IN ('whatsapp', 'facebook')
        ORDER BY c.channel, c.last_activity_at DESC`,
      [t.organizationId],
    );
    expect(threads.map((c) => c.channel)).toEqual(['facebook', 'whatsapp']);
    for (const thread of threads) {
      const reply = await t
        .http()
        .post(`/api/v1/conversations/${thread.id}/replies`)
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ text: 'Merhaba, talebiniz ilgili ekibe iletildi.' });
      expect(reply.status).toBe(201);
      const read = await eventually(async () => {
        const [row] = await t.dataSource.query(
          `SELECT delivery_state, delivery_updated_at FROM message WHERE id = $1 AND delivery_state = 'read'`,
          [reply.body.id],
        );
        return row;
      }, 45_000);
      expect(read.delivery_updated_at).not.toBeNull();
    }
  }, 180_000);
});
