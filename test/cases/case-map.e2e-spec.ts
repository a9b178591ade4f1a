import { CaseMapCellFolder } from '@civic/cases';
import { UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Kayseri's centre and a box around it (west, south, east, north). */
const CITY = '35.38,38.66,35.58,38.78';
/** A box far from the city for the many cases that make the server cluster. */
const CROWD = '36.9,39.9,37.1,40.1';
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe('Case map: GeoJSON for the viewport, points or server clusters, filters, organizations apart', () => {
  let t: TestApp;
  let admin: string;
  let other: { organizationId: string; token: string };
  let categories: { cop: string; lamba: string };
  let departmentId: string;
  const ids: Record<string, string[]> = {};
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const map = (query: string, token = admin) => t.http().get(`/api/v1/cases/map?${query}`).set(auth(token));

  /** `count` pinned cases written directly (the trigger numbers them), spread over a small square. */
  const insert = async (
    key: string,
    organizationId: string,
    count: number,
    fields: { category: string; status: string; source?: string; lat: number; lon: number; createdAt?: string },
    departmentId: string | null = null,
  ) => {
    const rows = await t.dataSource.query(
      `INSERT INTO civic_case (organization_id, number, source, category_id, department_id, status, latitude, longitude,
                               due_at, at_risk_at, created_at)
       SELECT $1, coalesce((SELECT max(number) FROM civic_case WHERE organization_id = $1), 0) + g, $2, $3, $4, $5,
              $6 + (g % 50) * 0.0004, $7 + (g / 50) * 0.0004, now() + interval '3 days', now() + interval '2 days', $8
         FROM generate_series(1, $9) g RETURNING id`,
      [
        organizationId,
        fields.source ?? 'phone',
        fields.category,
        departmentId,
        fields.status,
        fields.lat,
        fields.lon,
        fields.createdAt ?? new Date().toISOString(),
        count,
      ],
    );
    ids[key] = rows.map((r: { id: string }) => r.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.adminToken;
    const category = async (organizationId: string, code: string) =>
      (await t.dataSource.query(`SELECT id FROM case_category WHERE organization_id = $1 AND code = $2`, [
        organizationId,
        code,
      ])) as { id: string }[];
    categories = {
      cop: (await category(t.organizationId, 'cop'))[0].id,
      lamba: (await category(t.organizationId, 'aydinlatma'))[0].id,
    };
    [{ id: departmentId }] = await t.dataSource.query(
      `SELECT id FROM department WHERE organization_id = $1 AND kind = 'department' ORDER BY name LIMIT 1`,
      [t.organizationId],
    );
    await insert(
      'litter',
      t.organizationId,
      10,
      { category: categories.cop, status: 'new', lat: 38.72, lon: 35.48 },
      departmentId,
    );
    await insert('lamps', t.organizationId, 15, {
      category: categories.lamba,
      status: 'resolved',
      lat: 38.7,
      lon: 35.45,
    });
    await insert('open311', t.organizationId, 5, {
      category: categories.lamba,
      status: 'assigned',
      source: 'open311',
      lat: 38.74,
      lon: 35.5,
      createdAt: '2026-01-15T09:00:00Z',
    });
    await t.dataSource.query(
      `INSERT INTO civic_case (organization_id, number, source, category_id, status, due_at, at_risk_at)
       SELECT $1, max(number) + 1, 'phone', $2, 'new', now(), now() FROM civic_case WHERE organization_id = $1`,
      [t.organizationId, categories.cop],
    );
    const org = await t.createOrganization('Talas Belediyesi');
    other = { organizationId: org.id, token: (await t.createUser([UserRole.Admin], org.id)).token };
    const [otherCategory] = await t.dataSource.query(
      `INSERT INTO case_category (organization_id, code, name, sla_hours) VALUES ($1, 'cop', 'Çöp', 48) RETURNING id`,
      [org.id],
    );
    await insert('otherOrg', org.id, 7, { category: otherCategory.id, status: 'new', lat: 38.72, lon: 35.48 });
  }, 60_000);

  afterAll(() => t?.close());

  it('a bad box or zoom is a 400 naming the problem', async () => {
    const problem = async (query: string) => {
      const r = await map(query).expect(400);
      expect(r.body.code).toBe('validation_failed');
      return r.body.details.errors.join('; ');
    };
    expect(await problem('zoom=12')).toContain('bbox is required');
    expect(await problem('bbox=35.3,38.6,35.7')).toContain('bbox must be four numbers');
    expect(await problem('bbox=35.3,38.6,abc,38.8')).toContain('bbox must be four numbers');
    expect(await problem('bbox=35.7,38.6,35.3,38.8')).toContain('bbox west must be less than east');
    expect(await problem('bbox=35.3,38.8,35.7,38.6')).toContain('bbox south must be less than north');
    expect(await problem('bbox=35.3,-95,35.7,38.6')).toContain('latitudes (south, north) must be between -90 and 90');
    expect(await problem('bbox=-190,38.6,35.7,38.8')).toContain('longitudes (west, east) must be between -180 and 180');
    expect(await problem(`bbox=${CITY}&zoom=30`)).toContain('zoom must be a whole number from 0 to 22');
    expect(await problem(`bbox=${CITY}&status=lost`)).toContain('status must be a comma-separated list');
  });

  it('a few cases come as one point per case: number, status, category, date and nothing about the citizen', async () => {
    const r = await map(`bbox=${CITY}&zoom=12`).expect(200);
    expect(r.body).toMatchObject({ type: 'FeatureCollection', mode: 'points', total: 30 });
    const got = r.body.features.map((f: any) => f.properties.id).sort();
    expect(got).toEqual([...ids.litter, ...ids.lamps, ...ids.open311].sort());
    const litter = r.body.features.find((f: any) => f.properties.id === ids.litter[0]);
    expect(litter.geometry).toEqual({ type: 'Point', coordinates: [expect.any(Number), expect.any(Number)] });
    expect(litter.geometry.coordinates[0]).toBeCloseTo(35.48, 1);
    expect(litter.geometry.coordinates[1]).toBeCloseTo(38.72, 1);
    expect(Object.keys(litter.properties).sort()).toEqual([
      'caseNumber',
      'categoryName',
      'createdAt',
      'id',
      'kind',
      'status',
    ]);
    expect(litter.properties).toMatchObject({
      kind: 'case',
      status: 'new',
      caseNumber: expect.stringMatching(/^\d{4}-\d{6}$/),
    });
    // A box elsewhere holds none of them.
    expect((await map('bbox=30,36,31,37').expect(200)).body).toMatchObject({ mode: 'points', total: 0, features: [] });
  });

  it('filters: status, category, department, source, dates', async () => {
    const idsOf = async (query: string) =>
      (await map(`bbox=${CITY}&${query}`).expect(200)).body.features.map((f: any) => f.properties.id).sort();
    expect(await idsOf('status=new')).toEqual([...ids.litter].sort());
    expect(await idsOf('status=new,assigned')).toEqual([...ids.litter, ...ids.open311].sort());
    expect(await idsOf(`categoryId=${categories.lamba}`)).toEqual([...ids.lamps, ...ids.open311].sort());
    expect(await idsOf(`departmentId=${departmentId}`)).toEqual([...ids.litter].sort());
    expect(await idsOf('source=open311')).toEqual([...ids.open311].sort());
    expect(await idsOf('channel=whatsapp')).toEqual([]);
    expect(await idsOf('from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).toEqual([...ids.open311].sort());
  });

  it('more than 2000 cases in the box come as grid clusters with counts by status', async () => {
    await insert('crowdNew', t.organizationId, 1500, {
      category: categories.cop,
      status: 'new',
      lat: 39.95,
      lon: 36.95,
    });
    await insert('crowdDone', t.organizationId, 1000, {
      category: categories.cop,
      status: 'resolved',
      lat: 39.95,
      lon: 36.95,
    });
    const wide = (await map(`bbox=${CROWD}&zoom=11`).expect(200)).body;
    expect(wide).toMatchObject({ type: 'FeatureCollection', mode: 'clusters', total: 2500 });
    const sum = (key: (f: any) => number) => wide.features.reduce((n: number, f: any) => n + key(f), 0);
    expect(sum((f) => f.properties.count)).toBe(2500);
    expect(sum((f) => f.properties.statuses.new ?? 0)).toBe(1500);
    expect(sum((f) => f.properties.statuses.resolved ?? 0)).toBe(1000);
    expect(wide.features[0].properties).toEqual({
      kind: 'cluster',
      count: expect.any(Number),
      statuses: expect.any(Object),
    });
    // Read from the pending changes until the worker folds them in; the same map after the fold.
    expect(await t.app.get(CaseMapCellFolder).fold()).toBeGreaterThanOrEqual(2500);
    expect((await map(`bbox=${CROWD}&zoom=11`).expect(200)).body).toEqual(wide);
    // A finer zoom makes smaller cells: more of them for the same cases.
    const fine = (await map(`bbox=${CROWD}&zoom=15`).expect(200)).body;
    expect(fine.mode).toBe('clusters');
    expect(fine.features.length).toBeGreaterThan(wide.features.length);
    // The rollup follows status changes, moves and deletions (statement triggers on civic_case).
    await t.dataSource.query(`UPDATE civic_case SET status = 'resolved' WHERE id = ANY($1::uuid[])`, [
      ids.crowdNew.slice(0, 100),
    ]);
    await t.dataSource.query(`UPDATE civic_case SET latitude = 41.5 WHERE id = ANY($1::uuid[])`, [
      ids.crowdNew.slice(100, 110),
    ]);
    await t.dataSource.query(`DELETE FROM civic_case WHERE id = ANY($1::uuid[])`, [ids.crowdDone.slice(0, 40)]);
    await t.dataSource.query(`UPDATE civic_case SET description = 'no move' WHERE id = ANY($1::uuid[])`, [
      ids.crowdNew.slice(200, 300),
    ]);
    const after = (await map(`bbox=${CROWD}&zoom=11`).expect(200)).body;
    const sumOf = (key: (f: any) => number) => after.features.reduce((n: number, f: any) => n + key(f), 0);
    expect(after).toMatchObject({ mode: 'clusters', total: 2450 });
    expect(sumOf((f) => f.properties.statuses.new ?? 0)).toBe(1390);
    expect(sumOf((f) => f.properties.statuses.resolved ?? 0)).toBe(1060);
    // Half folded, half pending above; folded now, the same answer, and the rollup counts every pinned case.
    await t.app.get(CaseMapCellFolder).fold();
    expect((await map(`bbox=${CROWD}&zoom=11`).expect(200)).body).toEqual(after);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM case_map_cell_change`)).toEqual([{ n: 0 }]);
    const [{ cells }] = await t.dataSource.query(
      `SELECT coalesce(sum(cases), 0)::int AS cells FROM case_map_cell WHERE organization_id = $1 AND level = 11`,
      [t.organizationId],
    );
    const [{ pinned }] = await t.dataSource.query(
      `SELECT count(*)::int AS pinned FROM civic_case WHERE organization_id = $1 AND latitude IS NOT NULL`,
      [t.organizationId],
    );
    expect(cells).toBe(pinned);
    // A category narrows beyond the rollup: the grid over the cases answers, with the same shape.
    const litter = (await map(`bbox=${CROWD}&zoom=11&categoryId=${categories.cop}`).expect(200)).body;
    expect(litter).toMatchObject({ mode: 'clusters', total: 2450 });
    // A filter that leaves fewer than 2000 gives points again.
    const done = (await map(`bbox=${CROWD}&zoom=11&status=resolved`).expect(200)).body;
    expect(done).toMatchObject({ mode: 'points', total: 1060 });
  });

  it('a status change appends to the pending changes and locks no shared rollup row', async () => {
    const [a, b] = ids.crowdNew.slice(400, 402);
    await t.app.get(CaseMapCellFolder).fold();
    const coarse = `SELECT cases FROM case_map_cell WHERE organization_id = $1 AND level = 5 AND status = 'in_progress'`;
    const before = await t.dataSource.query(coarse, [t.organizationId]);
    await t.dataSource.transaction(async (m) => {
      await m.query(`UPDATE civic_case SET status = 'in_progress' WHERE id = $1`, [a]);
      expect(await m.query(`SELECT status, sign FROM case_map_cell_change ORDER BY sign`)).toEqual([
        { status: 'new', sign: -1 },
        { status: 'in_progress', sign: 1 },
      ]);
      expect(await m.query(coarse, [t.organizationId])).toEqual(before);
      if (onServer) {
        // Another officer changes another case of the same city cell meanwhile: no wait on this transaction.
        const other = t.dataSource.createQueryRunner();
        try {
          await other.query(`SET lock_timeout = '2s'`);
          await other.query(`UPDATE civic_case SET status = 'in_progress' WHERE id = $1`, [b]);
        } finally {
          await other.release();
        }
      } else {
        await m.query(`UPDATE civic_case SET status = 'in_progress' WHERE id = $1`, [b]);
      }
    });
    const sums = await t.dataSource.query(
      `SELECT status, sum(sign)::int AS n FROM case_map_cell_change GROUP BY status ORDER BY status`,
    );
    expect(sums).toEqual([
      { status: 'in_progress', n: 2 },
      { status: 'new', n: -2 },
    ]);
    await t.app.get(CaseMapCellFolder).fold();
    const [{ cases }] = await t.dataSource.query(coarse, [t.organizationId]);
    expect(cases).toBe((before[0]?.cases ?? 0) + 2);
  });

  it('another organization’s cases never appear, and the directorate may not read the map', async () => {
    const mine = (await map(`bbox=${CITY}`).expect(200)).body.features.map((f: any) => f.properties.id);
    expect(mine.filter((id: string) => ids.otherOrg.includes(id))).toEqual([]);
    const theirs = (await map(`bbox=${CITY}`, other.token).expect(200)).body;
    expect(theirs.features.map((f: any) => f.properties.id).sort()).toEqual([...ids.otherOrg].sort());
    const directorate = await t.createUser([UserRole.Directorate]);
    await map(`bbox=${CITY}`, directorate.token).expect(403);
  });

  it('neighbourhood shading: the active polygons with open cases and cases of the period', async () => {
    const ring = (w: number, s: number, e: number, n: number) => [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ];
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { ad: 'Merkez' },
          geometry: { type: 'Polygon', coordinates: ring(35.46, 38.71, 35.52, 38.76) },
        },
        {
          type: 'Feature',
          properties: { ad: 'Batı' },
          geometry: { type: 'Polygon', coordinates: ring(35.4, 38.68, 35.46, 38.71) },
        },
      ],
    };
    await t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set(auth(admin))
      .send({ nameProperty: 'ad', geojson })
      .expect(201);
    const [merkez] = await t.dataSource.query(
      `SELECT id FROM neighbourhood WHERE organization_id = $1 AND name = 'Merkez'`,
      [t.organizationId],
    );
    // The worker would do this in the background; here the cases are placed directly.
    await t.dataSource.query(`UPDATE civic_case SET neighbourhood_id = $1 WHERE id = ANY($2::uuid[])`, [
      merkez.id,
      [...ids.litter, ...ids.open311],
    ]);
    const shading = (query = '') =>
      t.http().get(`/api/v1/cases/map/neighbourhoods?${query}`).set(auth(admin)).expect(200);
    const body = (await shading()).body;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: any) => f.properties.name)).toEqual(['Batı', 'Merkez']);
    const centre = body.features[1];
    expect(centre.geometry.type).toBe('Polygon');
    // Open: 10 new + 5 assigned; of the period (last 30 days): the 10 made today.
    expect(centre.properties).toEqual({ id: merkez.id, name: 'Merkez', openCases: 15, periodCases: 10 });
    expect(body.features[0].properties).toMatchObject({ openCases: 0, periodCases: 0 });
    const january = (await shading('from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&source=open311')).body;
    expect(january.features[1].properties).toMatchObject({ openCases: 5, periodCases: 5 });
    // Another organization has no boundaries: an empty collection.
    const theirs = await t.http().get('/api/v1/cases/map/neighbourhoods').set(auth(other.token)).expect(200);
    expect(theirs.body.features).toEqual([]);
  });

  it('the tile server and its attribution: OpenStreetMap by default (its words in the web’s language)', async () => {
    const r = await t.http().get('/api/v1/cases/map/tiles').set(auth(admin)).expect(200);
    expect(r.body).toEqual({
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: null,
    });
  });
});
