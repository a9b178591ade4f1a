import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/**
 * External bodies (dış kurumlar): a catalogue that is not one province's, province presets an
 * administrator adds, and bodies edited (name, e-mail, webhook and its secret) with an audit entry.
 */
describe('External bodies: generic defaults, province presets, editing', () => {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  describe('without a configured province', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    const bodies = async () =>
      (await t.http().get('/api/v1/departments?kind=external_body').set(auth(t.adminToken))).body as {
        id: string;
        name: string;
        email: string | null;
        webhookUrl: string | null;
        hasWebhookSecret: boolean;
        webhookSecret?: string;
        categories: { code: string }[];
      }[];

    it('starts with generic bodies, none of one province, the gas and electricity categories on them', async () => {
      const list = await bodies();
      expect(list.map((b) => b.name).sort()).toEqual(
        [
          'Büyükşehir Belediyesi',
          'Doğal Gaz Dağıtım Şirketi',
          'Elektrik Dağıtım Şirketi',
          'Karayolları Bölge Müdürlüğü',
          'Su ve Kanalizasyon İdaresi',
          'Toplu Taşıma İşletmesi',
          'İl Emniyet Müdürlüğü',
        ].sort(),
      );
      expect(list.find((b) => b.name === 'Doğal Gaz Dağıtım Şirketi')!.categories.map((c) => c.code)).toEqual([
        'dogalgaz',
      ]);
      expect(list.find((b) => b.name === 'Elektrik Dağıtım Şirketi')!.categories.map((c) => c.code)).toEqual([
        'elektrik',
      ]);
    });

    it('lists the province presets to an administrator only', async () => {
      const presets = await t.http().get('/api/v1/departments/presets').set(auth(t.adminToken));
      expect(presets.status).toBe(200);
      expect(presets.body.map((p: { code: string }) => p.code)).toEqual([
        'izmir',
        'kayseri',
        'kahramanmaras',
        'erzurum',
      ]);
      expect(presets.body.find((p: { code: string }) => p.code === 'kayseri').bodies).toEqual(
        expect.arrayContaining(['KASKİ', 'Kayserigaz', 'Kayseri Ulaşım']),
      );
      const officer = await t.createUser([UserRole.Officer]);
      expect((await t.http().get('/api/v1/departments/presets').set(auth(officer.token))).status).toBe(403);
      expect(
        (await t.http().post('/api/v1/departments/presets').set(auth(officer.token)).send({ province: 'izmir' }))
          .status,
      ).toBe(403);
    });

    it('adds the missing bodies of a preset once and hands the gas and electricity categories to them', async () => {
      const applied = await t
        .http()
        .post('/api/v1/departments/presets')
        .set(auth(t.adminToken))
        .send({ province: 'kayseri' });
      expect(applied.status).toBe(200);
      expect(applied.body.province).toBe('kayseri');
      expect(applied.body.added).toEqual(expect.arrayContaining(['KASKİ', 'Kayserigaz', 'Kayseri Ulaşım']));
      expect(applied.body.categoriesMoved.sort()).toEqual(['dogalgaz', 'elektrik']);
      const list = await bodies();
      expect(list.find((b) => b.name === 'Kayserigaz')!.categories.map((c) => c.code)).toEqual(['dogalgaz']);
      expect(list.find((b) => b.name === 'Doğal Gaz Dağıtım Şirketi')!.categories).toEqual([]);

      const again = await t
        .http()
        .post('/api/v1/departments/presets')
        .set(auth(t.adminToken))
        .send({ province: 'kayseri' });
      expect(again.body).toEqual({ province: 'kayseri', added: [], categoriesMoved: [] });
      expect((await bodies()).filter((b) => b.name === 'KASKİ')).toHaveLength(1);

      const audit = await t.dataSource.query(
        `SELECT after FROM audit_event WHERE action = 'department.preset_applied' ORDER BY seq`,
      );
      expect(audit).toHaveLength(2);
      expect(audit[0].after.added).toEqual(applied.body.added);
    });

    it('refuses an unknown province with the coded validation error', async () => {
      const res = await t
        .http()
        .post('/api/v1/departments/presets')
        .set(auth(t.adminToken))
        .send({ province: 'atlantis' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    });

    it('edits a body: name, e-mail, webhook with a secret shown once, then removes the webhook; audited', async () => {
      const body = (await bodies()).find((b) => b.name === 'Su ve Kanalizasyon İdaresi')!;
      const renamed = await t.http().patch(`/api/v1/departments/${body.id}`).set(auth(t.adminToken)).send({
        name: 'KASKİ Genel Müdürlüğü',
        email: 'basvuru@kaski.example',
        webhookUrl: 'https://kaski.example/hook',
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({
        name: 'KASKİ Genel Müdürlüğü',
        email: 'basvuru@kaski.example',
        webhookUrl: 'https://kaski.example/hook',
        hasWebhookSecret: true,
      });
      expect(renamed.body.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
      const read = (await bodies()).find((b) => b.id === body.id)!;
      expect(read.webhookSecret).toBeUndefined();

      const rotated = await t
        .http()
        .patch(`/api/v1/departments/${body.id}`)
        .set(auth(t.adminToken))
        .send({ webhookSecret: 'yeni-paylasilan-gizli-anahtar' });
      expect(rotated.body.webhookSecret).toBe('yeni-paylasilan-gizli-anahtar');

      const removed = await t
        .http()
        .patch(`/api/v1/departments/${body.id}`)
        .set(auth(t.adminToken))
        .send({ webhookUrl: null, webhookSecret: null, email: null });
      expect(removed.body).toMatchObject({ email: null, webhookUrl: null, hasWebhookSecret: false });

      const bad = await t
        .http()
        .patch(`/api/v1/departments/${body.id}`)
        .set(auth(t.adminToken))
        .send({ email: 'adres-degil', webhookUrl: 'ftp://x' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('validation_failed');

      const audit = await t.dataSource.query(
        `SELECT before, after FROM audit_event WHERE action = 'department.updated' AND target_id = $1 ORDER BY seq`,
        [body.id],
      );
      expect(audit).toHaveLength(3);
      expect(audit[0].before.name).toBe('Su ve Kanalizasyon İdaresi');
      expect(audit[0].after.name).toBe('KASKİ Genel Müdürlüğü');
      // The secret itself never lands in the audit trail.
      expect(JSON.stringify(audit)).not.toContain('yeni-paylasilan-gizli-anahtar');
    });
  });

  describe('with CASE_PROVINCE=kayseri (the demo municipality’s province)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { CASE_PROVINCE: 'kayseri' } });
    });
    afterAll(() => t.close());

    it('starts with Kayseri’s bodies in place of the generic ones, none of İzmir’s', async () => {
      const list = (await t.http().get('/api/v1/departments?kind=external_body').set(auth(t.adminToken))).body as {
        name: string;
        categories: { code: string }[];
      }[];
      const names = list.map((b) => b.name);
      expect(names).toEqual(expect.arrayContaining(['KASKİ', 'Kayserigaz', 'Kayseri Ulaşım']));
      expect(names).not.toContain('İZSU');
      expect(names).not.toContain('Su ve Kanalizasyon İdaresi');
      expect(list.find((b) => b.name === 'Kayserigaz')!.categories.map((c) => c.code)).toEqual(['dogalgaz']);
    });
  });
});
