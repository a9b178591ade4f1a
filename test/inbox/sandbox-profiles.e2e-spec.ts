import { ContactProfileWorker } from '@civic/ingest';
import { SANDBOX_IDS, SandboxChannels, SandboxModule, sandboxScene } from '@civic/sandbox';
import { postSignedWebhook } from '@civic/testing';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Sandbox: Messenger citizens get their names and generated pictures', () => {
  let sandbox: SandboxChannels;
  let t: TestApp;

  beforeAll(async () => {
    sandbox = await SandboxChannels.start();
    t = await startTestApp({
      withWorker: true,
      config: sandbox.configOverrides(),
      include: [SandboxModule.register(sandbox)],
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it("a Messenger DM from the script shows the citizen's name and a stored PNG picture", async () => {
    const scene = Array.from({ length: 12 }, (_, n) => sandboxScene(n)).find(
      (s) => s.kind === 'meta-webhook' && JSON.stringify(s.body).includes('"messaging"'),
    );
    expect(scene?.kind).toBe('meta-webhook');
    const response = await postSignedWebhook(
      `${t.url}/webhooks/meta`,
      (scene as { body: unknown }).body,
      SANDBOX_IDS.appSecret,
    );
    expect(response.status).toBe(200);
    await t.webhooksIngested();
    const worker = t.app.get(ContactProfileWorker);
    const deadline = Date.now() + 15_000;
    let contact: { id: string; name: string | null; avatar_mime_type: string | null } | undefined;
    while (Date.now() < deadline) {
      await worker.drain();
      [contact] = await t.dataSource.query(
        `SELECT id, name, avatar_mime_type FROM contact WHERE channel_user_id LIKE 'psid-%' AND name IS NOT NULL`,
      );
      if (contact) {
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(contact?.name).toMatch(/^[A-ZÇĞİÖŞÜ][a-zçğıöşü]+ [A-ZÇĞİÖŞÜ][a-zçğıöşü]+$/);
    const avatar = await t
      .http()
      .get(`/api/v1/contacts/${contact!.id}/avatar`)
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(avatar.status).toBe(200);
    expect((avatar.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });
});
