import type { LiveScene } from '@civic/sandbox';
import { LiveLoopScenes, SANDBOX_IDS, SandboxChannels, SandboxModule, whatsapp } from '@civic/sandbox';
import { postSignedWebhook } from '@civic/testing';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/**
 * The live sandbox's answers to the automatic loop go through the fake channels like every scene,
 * and the product's own handlers answer them: a rating is stored and thanked for, "durum <number>"
 * gets the status reply, DUR stops automatic messages with a confirmation.
 */
describe('Sandbox: live citizens answer the automatic loop, the real handlers reply', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;
  const citizen = { phone: '905301234321', name: 'Hatice Korkmaz' };
  let caseId: string;
  let caseNumber: string;

  const post = async (scene: LiveScene | { kind: 'meta-webhook'; body: unknown }) => {
    if (scene.kind !== 'meta-webhook') {
      throw new Error('a loop scene is a Meta webhook');
    }
    const answer = await postSignedWebhook(`${t.url}/webhooks/meta`, scene.body, SANDBOX_IDS.appSecret);
    expect(answer.status).toBe(200);
    await t.webhooksIngested();
  };
  const notice = (kind: string) =>
    eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT n.state, n.text, m.author_user_id, m.direction FROM citizen_notice n JOIN message m ON m.id = n.message_id
          WHERE n.case_id = $1 AND n.kind = $2 AND n.state = 'sent' ORDER BY n.created_at DESC LIMIT 1`,
        [caseId, kind],
      );
      return row as { state: string; text: string; author_user_id: string | null; direction: string } | undefined;
    }, 30_000);

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: { ...sandbox.configOverrides(), SANDBOX_HISTORY: 'false' },
      include: [SandboxModule.register(sandbox)],
    });
    // A WhatsApp citizen's request becomes a case that is resolved: the product asks for a rating.
    await post(
      whatsapp(citizen, 'LOOPTEST1', Math.floor(Date.now() / 1000), {
        type: 'text',
        text: { body: 'Atatürk Caddesi üzerinde büyük bir çukur var, araçlar zarar görüyor.' },
      }) as LiveScene,
    );
    const [conversation] = await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT id FROM conversation WHERE thread_key = $1`, [
        `dm:${citizen.phone}`,
      ]);
      return rows.length > 0 ? rows : undefined;
    });
    const auth = { authorization: `Bearer ${t.adminToken}` };
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(auth)
      .send({ conversationId: conversation.id, category: 'yol-cukur' });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    caseNumber = created.body.caseNumber;
    const resolved = await t
      .http()
      .post(`/api/v1/cases/${caseId}/resolve`)
      .set(auth)
      .send({ resolutionText: 'Çukur sıcak asfalt yama ile kapatıldı.', notifyCitizen: false });
    expect(resolved.status).toBe(200);
    await notice('satisfaction_survey');
  }, 90_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a rating scene answers the open question: stored and thanked for by the satisfaction handler', async () => {
    const scenes = new LiveLoopScenes(t.dataSource, 3);
    const scene = await scenes.make('rating', t.organizationId);
    expect(scene?.label).toMatch(/^Satisfaction answer/);
    await post(scene!);
    const answered = await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT rating, answered_at FROM case_satisfaction WHERE case_id = $1 AND answered_at IS NOT NULL`,
        [caseId],
      );
      return row as { rating: number } | undefined;
    }, 30_000);
    expect(answered.rating).toBeGreaterThanOrEqual(1);
    const thanks = await notice('satisfaction_thanks');
    expect(thanks).toMatchObject({ author_user_id: null, direction: 'out' });
    // The question is answered: there is no second rating scene for it.
    expect(await scenes.make('rating', t.organizationId)).toBeNull();
  }, 60_000);

  it('a status scene asks about the citizen’s own case number and gets the status reply', async () => {
    const scene = await new LiveLoopScenes(t.dataSource, 5).make('status', t.organizationId);
    expect(scene?.label).toBe('Status query');
    expect(JSON.stringify(scene)).toContain(caseNumber);
    await post(scene!);
    const reply = await notice('status_reply');
    expect(reply.text).toBe(`Başvurunuzun (${caseNumber}) güncel durumu: sonuçlandı.`);
  }, 60_000);

  it('a DUR scene stops automatic messages, confirmed once', async () => {
    const scene = await new LiveLoopScenes(t.dataSource, 9).make('optOut', t.organizationId);
    expect(scene?.label).toBe('Opt-out (DUR)');
    await post(scene!);
    const state = await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT s.opted_out_at, n.state, n.text FROM citizen_contact_state s
           JOIN contact c ON c.id = s.contact_id
           JOIN citizen_notice n ON n.contact_id = s.contact_id AND n.kind = 'opt_out_confirmed' AND n.state = 'sent'
          WHERE c.channel_user_id = $1 AND s.opted_out_at IS NOT NULL`,
        [citizen.phone],
      );
      return row as { text: string } | undefined;
    }, 30_000);
    expect(state.text).toContain('Otomatik bilgilendirme mesajları bu kanalda durduruldu');
    // An opted-out citizen is not picked for another loop scene.
    expect(await new LiveLoopScenes(t.dataSource, 9).make('status', t.organizationId)).toBeNull();
  }, 60_000);
});
