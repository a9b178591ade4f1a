import { foldForSearch, UserRole } from '@civic/domain';
import { pdfText } from '../support/pdf-text';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const DAY = 86_400_000;
const box = (west: number, south: number, east: number, north: number) => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];
const KAZIMDIRIK = { latitude: 38.72, longitude: 35.42 };
const YESILYURT = { latitude: 38.72, longitude: 35.47 };
const CITIZEN = { name: 'Ayşe Yılmaz', phone: '0532 123 45 67', email: 'ayse.yilmaz@example.com' };
/** What must never appear in a briefing: the citizens' names, numbers, addresses and handles. */
const PERSONAL = [
  'Ayşe',
  'Yılmaz',
  '5321234567',
  '532 123',
  'ayse.yilmaz',
  'ahmet_k',
  'Ahmet Kaya',
  '0532 111',
  'Konak Sokak 7',
];

interface Seed {
  key: string;
  where: 'A' | 'B';
  category: string;
  created: string;
  resolved?: string;
  due?: string;
  rating?: { value: number; at: string };
}

/** October 2026 in Istanbul against the 31 days before (31 August to 30 September). */
const SEEDS: Seed[] = [
  {
    key: 'a1',
    where: 'A',
    category: 'yol-cukur',
    created: '2026-10-03T09:00:00Z',
    resolved: '2026-10-05T09:00:00Z',
    rating: { value: 4, at: '2026-10-06T09:00:00Z' },
  },
  { key: 'a2', where: 'A', category: 'yol-cukur', created: '2026-10-10T09:00:00Z', due: '2026-10-12T09:00:00Z' },
  { key: 'a3', where: 'A', category: 'cop', created: '2026-10-20T09:00:00Z', due: '2030-01-01T00:00:00Z' },
  {
    key: 'b1',
    where: 'B',
    category: 'park',
    created: '2026-10-15T09:00:00Z',
    resolved: '2026-10-16T09:00:00Z',
    rating: { value: 2, at: '2026-10-17T09:00:00Z' },
  },
  // Received in the previous period, resolved in this one.
  {
    key: 'a4',
    where: 'A',
    category: 'aydinlatma',
    created: '2026-09-20T09:00:00Z',
    resolved: '2026-10-02T09:00:00Z',
    rating: { value: 3, at: '2026-10-03T09:00:00Z' },
  },
  {
    key: 'a5',
    where: 'A',
    category: 'yol-cukur',
    created: '2026-09-05T09:00:00Z',
    resolved: '2026-09-07T09:00:00Z',
    rating: { value: 5, at: '2026-09-08T09:00:00Z' },
  },
  { key: 'b2', where: 'B', category: 'cop', created: '2026-09-10T09:00:00Z', due: '2026-09-11T09:00:00Z' },
  // 31 October 23:30 in Istanbul is in October; 00:30 on 1 November is not.
  { key: 'a6', where: 'A', category: 'park', created: '2026-10-31T20:30:00Z', due: '2030-01-01T00:00:00Z' },
  { key: 'a7', where: 'A', category: 'park', created: '2026-10-31T21:30:00Z', due: '2030-01-01T00:00:00Z' },
  // Before both periods.
  { key: 'a8', where: 'A', category: 'cop', created: '2026-08-30T09:00:00Z', resolved: '2026-08-31T09:00:00Z' },
];
const CURRENT = { start: Date.parse('2026-09-30T21:00:00Z'), end: Date.parse('2026-10-31T21:00:00Z') };
const PREVIOUS = { start: CURRENT.start - 31 * DAY, end: CURRENT.start };

/** The figures recomputed from the seeds, as the briefing defines them. */
function expected(where: 'A' | 'B' | null, span: { start: number; end: number }) {
  const mine = SEEDS.filter((s) => where === null || s.where === where);
  const within = (at?: string) => at !== undefined && Date.parse(at) >= span.start && Date.parse(at) < span.end;
  const ratings = mine.filter((s) => within(s.rating?.at)).map((s) => s.rating!.value);
  return {
    received: mine.filter((s) => within(s.created)).length,
    resolved: mine.filter((s) => within(s.resolved)).length,
    satisfactionAverage: ratings.length
      ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
      : null,
    satisfactionCount: ratings.length,
  };
}

describe('Briefing (bilgi notu): a neighbourhood or the district over a period, with no citizen data', () => {
  let t: TestApp;
  let mayor: string;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};
  const hoods: Record<string, string> = {};
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (query: string, token = mayor) => t.http().get(`/api/v1/briefing?${query}`).set(auth(token));

  beforeAll(async () => {
    t = await startTestApp({ clock: 'real' });
    mayor = (await t.createUser([UserRole.MayorOffice])).token;
    await t
      .http()
      .post('/api/v1/neighbourhoods/boundaries')
      .set(auth(t.adminToken))
      .send({
        nameProperty: 'ad',
        geojson: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { ad: 'Kazımdirik' },
              geometry: { type: 'Polygon', coordinates: box(35.4, 38.7, 35.45, 38.75) },
            },
            {
              type: 'Feature',
              properties: { ad: 'Yeşilyurt' },
              geometry: { type: 'Polygon', coordinates: box(35.45, 38.7, 35.5, 38.75) },
            },
          ],
        },
      })
      .expect(201);
    for (const n of (await t.http().get('/api/v1/neighbourhoods').set(auth(mayor)).expect(200)).body.neighbourhoods) {
      hoods[n.name === 'Kazımdirik' ? 'A' : 'B'] = n.id;
    }
    for (const s of SEEDS) {
      const r = await t
        .http()
        .post('/api/v1/cases/manual')
        .set(auth(t.adminToken))
        .send({
          source: 'phone',
          citizen: CITIZEN,
          category: s.category,
          description: `${CITIZEN.name} aradı: Konak Sokak 7 önünde sorun (${s.key})`,
          location: { ...(s.where === 'A' ? KAZIMDIRIK : YESILYURT), label: 'Konak Sokak 7' },
        });
      expect(r.status).toBe(201);
      ids[s.key] = r.body.id;
      numbers[s.key] = r.body.caseNumber;
      await t.dataSource.query(
        `UPDATE civic_case SET created_at = $2, due_at = $3, at_risk_at = $3, status = $4, resolved_at = $5, first_resolved_at = $5
          WHERE id = $1`,
        [
          r.body.id,
          s.created,
          s.due ?? '2030-01-01T00:00:00Z',
          s.resolved ? 'resolved' : 'in_progress',
          s.resolved ?? null,
        ],
      );
      if (s.rating) {
        await t.dataSource.query(
          `INSERT INTO case_satisfaction (organization_id, case_id, conversation_id, channel, resolution_count, asked_at, answered_at, rating)
           VALUES ($1, $2, gen_random_uuid(), 'whatsapp', 1, $3, $3, $4)`,
          [t.organizationId, r.body.id, s.rating.at, s.rating.value],
        );
      }
    }
    const located = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM civic_case WHERE neighbourhood_id IS NOT NULL`,
    );
    expect(located[0].n).toBe(SEEDS.length);
    const watchlist = await t
      .http()
      .post('/api/v1/mentions/watchlists')
      .set(auth(t.adminToken))
      .send({ name: 'Belediye', terms: ['belediye'], twitterSearch: false })
      .expect(201);
    const mentions: [string, string][] = [
      ['2026-10-12T10:00:00Z', "@ahmet_k Kazımdirik'te çukur var, 0532 111 22 33 arayın"],
      ['2026-10-13T10:00:00Z', 'KAZIMDİRİK MAHALLESİ çöp toplanmıyor diyor Ahmet Kaya'],
      ['2026-10-14T10:00:00Z', 'Yeşilyurt parkı 09.00-17.00 arası kapalı'],
      // The same announcement twice: counted twice, quoted once.
      ['2026-10-12T11:00:00Z', "@ahmet_k Kazımdirik'te çukur var, 0532 111 22 33 arayın"],
      ['2026-09-14T10:00:00Z', 'kazimdirik yolu bozuk'],
      ['2026-10-15T10:00:00Z', 'Belediye başkanına teşekkürler'],
      // "Akazımdirik" is another word: not the neighbourhood.
      ['2026-10-16T10:00:00Z', 'Akazımdirik deresi taştı'],
    ];
    for (const [i, [at, text]] of mentions.entries()) {
      await t.dataSource.query(
        `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, author_name, author_handle, text, search_text, published_at)
         VALUES ($1, $2, 'twitter', $3, 'twitter_search', 'u1', 'Ahmet Kaya', 'ahmet_k', $4, $5, $6)`,
        [t.organizationId, watchlist.body.id, `t${i}`, text, foldForSearch(text), at],
      );
    }
  });
  afterAll(() => t?.close());

  it('recomputes a neighbourhood’s figures and the previous period of the same length', async () => {
    const r = await get(`neighbourhoodId=${hoods.A}&from=2026-10-01&to=2026-10-31`).expect(200);
    expect(r.body.period).toEqual({ from: '2026-10-01', to: '2026-10-31', days: 31 });
    expect(r.body.previousPeriod).toEqual({ from: '2026-08-31', to: '2026-09-30' });
    expect(r.body.neighbourhood).toEqual({ id: hoods.A, name: 'Kazımdirik' });
    expect(r.body.current).toEqual(expected('A', CURRENT));
    expect(r.body.previous).toEqual(expected('A', PREVIOUS));
    expect(r.body.current).toEqual({ received: 4, resolved: 2, satisfactionAverage: 3.5, satisfactionCount: 2 });
    expect(r.body.topCategories[0]).toEqual({ name: expect.any(String), received: 2, resolved: 1 });
    expect(
      r.body.topCategories.map((c: { received: number }) => c.received).reduce((a: number, b: number) => a + b),
    ).toBe(4);
    // Late now: a2 only in Kazımdirik (a3, a6, a7 are due in 2030).
    expect(r.body.late.count).toBe(1);
    expect(r.body.late.oldest).toEqual([
      {
        id: ids.a2,
        caseNumber: numbers.a2,
        category: expect.any(String),
        neighbourhood: 'Kazımdirik',
        daysLate: Math.floor((Date.now() - Date.parse('2026-10-12T09:00:00Z')) / DAY),
      },
    ]);
    expect(r.body.openNow).toBe(4);
    expect(r.body.map.outlines.map((o: { name: string }) => o.name)).toEqual(['Kazımdirik']);
    expect(r.body.map.openCases).toHaveLength(4);
    expect(r.body.map.openCases.filter((d: { late: boolean }) => d.late)).toHaveLength(1);
    // Three mentions name Kazımdirik in October (folded, any case, with a suffix), one in September.
    expect(r.body.mentions.current).toBe(3);
    expect(r.body.mentions.previous).toBe(1);
    expect(r.body.mentions.excerpts.map((e: { text: string }) => e.text).sort()).toEqual([
      'KAZIMDİRİK MAHALLESİ çöp toplanmıyor diyor',
      "Kazımdirik'te çukur var, … arayın",
    ]);
  });

  it('covers the whole district without a neighbourhood, and another neighbourhood apart', async () => {
    const district = await get('from=2026-10-01&to=2026-10-31').expect(200);
    expect(district.body.neighbourhood).toBeNull();
    expect(district.body.current).toEqual(expected(null, CURRENT));
    expect(district.body.previous).toEqual(expected(null, PREVIOUS));
    expect(district.body.late.count).toBe(2);
    expect(district.body.late.oldest.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([
      numbers.b2,
      numbers.a2,
    ]);
    expect(district.body.mentions.current).toBe(6);
    expect(district.body.map.outlines).toHaveLength(2);
    const b = await get(`neighbourhoodId=${hoods.B}&from=2026-10-01&to=2026-10-31`).expect(200);
    expect(b.body.current).toEqual(expected('B', CURRENT));
    expect(b.body.previous).toEqual(expected('B', PREVIOUS));
    expect(b.body.mentions.current).toBe(1);
    // Times are not phone numbers.
    expect(b.body.mentions.excerpts.map((e: { text: string }) => e.text)).toEqual([
      'Yeşilyurt parkı 09.00-17.00 arası kapalı',
    ]);
  });

  it('defaults to the last 30 local days', async () => {
    const r = await get('').expect(200);
    expect(r.body.period.days).toBe(30);
    expect(r.body.period.to).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date()));
  });

  it('names no citizen in the JSON or the PDF', async () => {
    for (const query of [`neighbourhoodId=${hoods.A}&from=2026-10-01&to=2026-10-31`, 'from=2026-08-01&to=2026-10-31']) {
      const json = JSON.stringify((await get(query).expect(200)).body);
      const r = await t
        .http()
        .get(`/api/v1/briefing.pdf?${query}`)
        .set(auth(mayor))
        .buffer(true)
        .parse(binary as never);
      expect(r.status).toBe(200);
      const text = pdfText(r.body as Buffer);
      for (const personal of PERSONAL) {
        expect({ personal, inJson: json.includes(personal), inPdf: text.includes(personal) }).toEqual({
          personal,
          inJson: false,
          inPdf: false,
        });
      }
    }
  });

  it('prints the briefing as an A4 PDF in Turkish', async () => {
    const r = await t
      .http()
      .get(`/api/v1/briefing.pdf?neighbourhoodId=${hoods.A}&from=2026-10-01&to=2026-10-31`)
      .set(auth(mayor))
      .buffer(true)
      .parse(binary as never);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="bilgi-notu-kazimdirik-2026-10-01-2026-10-31.pdf"',
    );
    const pdf = r.body as Buffer;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Bilgi notu — Kazımdirik Mahallesi');
    expect(text).toContain('Dönem: 1 Ekim 2026 – 31 Ekim 2026 (31 gün)');
    expect(text).toContain('Önceki dönem: 31 Ağustos 2026 – 30 Eylül 2026');
    expect(text).toContain('Gelen başvuru 4 2 ▲ %100 arttı');
    expect(text).toContain(numbers.a2);
    expect(text).toContain('Kazımdirik adının geçtiği paylaşım: 3 (önceki dönem 1)');
    expect(text).toContain('Memnuniyet (5 üzerinden) 3,5 (2 yanıt) 5,0 (1 yanıt) ▼ 1,5 puan azaldı');
  });

  it('refuses bad periods and unknown neighbourhoods with named errors', async () => {
    const bad = await get('from=2026-13-01&to=2026-10-31').expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.message).toContain('from must be a real calendar day');
    expect((await get('from=01.10.2026').expect(400)).body.message).toContain('from must be a day written YYYY-MM-DD');
    const reversed = await get('from=2026-10-31&to=2026-10-01').expect(400);
    expect(reversed.body).toMatchObject({ code: 'briefing.period_reversed' });
    expect(reversed.body.message).toContain('2026-10-31');
    expect((await get('from=2025-01-01&to=2026-10-31').expect(400)).body.code).toBe('briefing.period_too_long');
    expect((await get('neighbourhoodId=kazimdirik').expect(400)).body.code).toBe('validation_failed');
    const unknown = await get(`neighbourhoodId=${ids.a1}`).expect(404);
    expect(unknown.body.code).toBe('briefing.neighbourhood_not_found');
    expect((await t.http().get('/api/v1/briefing.pdf?from=2026-10-31&to=2026-10-01').set(auth(mayor))).status).toBe(
      400,
    );
  });

  it('is for the mayor’s office and administrators only', async () => {
    await get('', t.adminToken).expect(200);
    for (const role of [UserRole.Officer, UserRole.Auditor, UserRole.Directorate]) {
      const { token } = await t.createUser([role]);
      expect({ role, status: (await get('', token)).status }).toEqual({ role, status: 403 });
      expect({ role, status: (await t.http().get('/api/v1/briefing.pdf').set(auth(token))).status }).toEqual({
        role,
        status: 403,
      });
    }
    expect((await t.http().get('/api/v1/briefing')).status).toBe(401);
  });
});

function binary(res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
