import { NeighbourhoodIndex } from './neighbourhood-index';
import { OfficialNeighbourhoodList } from './official-neighbourhood-list';

describe('official neighbourhood list', () => {
  const list = new OfficialNeighbourhoodList();

  it("lists a district's neighbourhoods written out, villages and bracketed towns handled", () => {
    const bornova = list.neighbourhoods('35', 'Bornova');
    expect(bornova).toHaveLength(45);
    expect(bornova).toContainEqual({ name: 'Kazımdirik Mahallesi', foldedName: 'kazimdirik' });
    expect(bornova).toContainEqual({ name: 'Evka 3 Mahallesi', foldedName: 'evka 3' });
    const bozuyuk = list.neighbourhoods('11', 'Bozüyük');
    expect(bozuyuk).toContainEqual({ name: 'Mithatpaşa Mahallesi (Dodurga Beldesi)', foldedName: 'mithatpasa' });
    expect(bozuyuk.some((n) => /^[^(]*Köyü/.test(n.name))).toBe(false);
    expect(bozuyuk).toContainEqual({ name: 'Merkez Mahallesi (Cihangazi Köyü)', foldedName: 'merkez' });
  });

  it('refuses an unknown province or district, naming it', () => {
    expect(() => list.districts('99')).toThrow(expect.objectContaining({ code: 'neighbourhood.city_unknown' }));
    expect(() => list.neighbourhoods('38', 'Bornova')).toThrow(
      expect.objectContaining({
        code: 'neighbourhood.district_unknown',
        details: { city: 'Kayseri', district: 'Bornova' },
      }),
    );
  });

  it('matches texts against official names; a pin is used only when some polygon exists', () => {
    const official = list.neighbourhoods('35', 'Bornova').map((n, i) => ({ ...n, id: `n${i}`, geometry: null }));
    const namesOnly = new NeighbourhoodIndex('v1', official);
    expect(namesOnly.hasBoundaries).toBe(false);
    expect(namesOnly.named("evka 3 mahallesi'nde çöp toplanmadı")?.name).toBe('Evka 3 Mahallesi');
    expect(namesOnly.named('KAZIMDIRIK MAH. 145 sokak')?.name).toBe('Kazımdirik Mahallesi');
    expect(namesOnly.named('Evka sitesinde lamba yanmıyor')).toBeNull();
    expect(namesOnly.at(38.46, 27.22)).toBeNull();

    const square = [
      [
        [27.2, 38.4],
        [27.3, 38.4],
        [27.3, 38.5],
        [27.2, 38.5],
        [27.2, 38.4],
      ],
    ];
    const withPolygon = new NeighbourhoodIndex('v2', [
      { id: 'p', name: 'Erzene', foldedName: 'erzene', geometry: { type: 'Polygon', coordinates: square } },
      ...official.filter((n) => n.foldedName !== 'erzene'),
    ]);
    expect(withPolygon.hasBoundaries).toBe(true);
    expect(withPolygon.at(38.45, 27.25)?.name).toBe('Erzene');
    expect(withPolygon.named('erzene mahallesinde')?.id).toBe('p');
  });
});
