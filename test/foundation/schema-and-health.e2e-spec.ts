import { pendingSchemaChanges } from '@civic/database';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

describe('Schema and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no drift between entities and migrations (migration:generate would write nothing)', async () => {
    const { up } = await pendingSchemaChanges(t.dataSource);
    expect(up).toEqual([]);
  });

  it('reports liveness and readiness', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'ok', migrations: 'applied' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    expect(res.body.paths['/api/v1/channel-accounts']).toBeDefined();
  });
});
