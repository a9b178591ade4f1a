import { NeighbourhoodIndex, parseBoundaries } from '@civic/cases';
import { demoBoundaries } from './demo-boundaries';
import { NEIGHBOURHOODS, pointNear } from './people-and-places';
import { SeededRandom } from './seeded-random';

describe('demo neighbourhood boundaries', () => {
  const parsed = parseBoundaries(demoBoundaries(), 'ad');
  const index = new NeighbourhoodIndex(
    'demo',
    parsed.map((n) => ({ id: n.name, name: n.name, foldedName: n.foldedName, geometry: n.geometry })),
  );

  it('are valid boundaries, one per made-up neighbourhood', () => {
    expect(parsed.map((n) => n.name)).toEqual(NEIGHBOURHOODS.map((n) => n.name));
  });

  it('put each centre in its own neighbourhood and every demo pin in one', () => {
    for (const centre of NEIGHBOURHOODS) {
      expect(index.at(centre.lat, centre.lon)?.name).toBe(centre.name);
    }
    const random = new SeededRandom(27);
    for (let i = 0; i < 2000; i++) {
      const point = pointNear(random, NEIGHBOURHOODS[i % NEIGHBOURHOODS.length]);
      expect(index.at(point.lat, point.lon)).not.toBeNull();
    }
  });
});
