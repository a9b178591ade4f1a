/**
 * npm run bench:neighbourhoods — point in polygon (issue 27): 100,000 points against 100
 * neighbourhood polygons (a 10 × 10 grid of irregular twelve-sided cells over a district around
 * Kayseri, as uploaded boundaries are), through NeighbourhoodIndex (which-polygon's R-tree), beside a
 * plain scan of every polygon with the same ray-casting test: the index is what lets it scale.
 * Target: 100,000 points in ≤ 1 s. Pure CPU, one core; no database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedNeighbourhood } from '@civic/cases';
import { NeighbourhoodIndex } from '@civic/cases';

const POINTS = Number(process.env.BENCH_NEIGHBOURHOOD_POINTS ?? 100_000);
const GRID = 10;
const ROUNDS = 5;
const TARGET_MS = 1000;
const [WEST, SOUTH, CELL] = [35.35, 38.6, 0.025];

/** A deterministic pseudo-random sequence, so every run looks up the same points. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** A cell's ring: twelve corners wobbling inside the cell (never crossing into a neighbour). */
function ring(row: number, col: number, next: () => number): number[][] {
  const [cx, cy] = [WEST + (col + 0.5) * CELL, SOUTH + (row + 0.5) * CELL];
  const corners = Array.from({ length: 12 }, (_, i) => {
    const angle = (i / 12) * 2 * Math.PI;
    const reach = CELL * (0.42 + next() * 0.07);
    return [cx + Math.cos(angle) * reach, cy + Math.sin(angle) * reach];
  });
  return [...corners, corners[0]];
}

function insideRing(x: number, y: number, points: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

function main(): void {
  const next = random(27);
  const neighbourhoods: IndexedNeighbourhood[] = [];
  for (let row = 0; row < GRID; row++) {
    for (let col = 0; col < GRID; col++) {
      const name = `Mahalle ${row * GRID + col + 1}`;
      neighbourhoods.push({
        id: `n-${row}-${col}`,
        name,
        foldedName: name.toLocaleLowerCase('tr'),
        geometry: { type: 'Polygon', coordinates: [ring(row, col, next)] },
      });
    }
  }
  const points = Array.from({ length: POINTS }, () => [SOUTH + next() * GRID * CELL, WEST + next() * GRID * CELL]);

  const built = process.hrtime.bigint();
  const index = new NeighbourhoodIndex('bench', neighbourhoods);
  const buildMs = Number(process.hrtime.bigint() - built) / 1e6;

  const indexed: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    found = 0;
    for (const [latitude, longitude] of points) {
      if (index.at(latitude, longitude)) {
        found += 1;
      }
    }
    indexed.push(Number(process.hrtime.bigint() - start) / 1e6);
  }

  const rings = neighbourhoods.map((n) => (n.geometry as { coordinates: number[][][] }).coordinates[0]);
  const scanStart = process.hrtime.bigint();
  let scanned = 0;
  for (const [latitude, longitude] of points) {
    if (rings.some((r) => insideRing(longitude, latitude, r))) {
      scanned += 1;
    }
  }
  const scanMs = Number(process.hrtime.bigint() - scanStart) / 1e6;

  const medianMs = [...indexed].sort((a, b) => a - b)[Math.floor(indexed.length / 2)];
  const result = {
    points: POINTS,
    polygons: neighbourhoods.length,
    buildMs: +buildMs.toFixed(1),
    medianMs: +medianMs.toFixed(1),
    maxMs: +Math.max(...indexed).toFixed(1),
    pointsPerSecond: Math.round(POINTS / (medianMs / 1000)),
    scanMs: +scanMs.toFixed(1),
    found,
    scanFound: scanned,
    targetMs: TARGET_MS,
  };
  console.log(
    `\nPoint in polygon: ${POINTS.toLocaleString('en')} points, ${neighbourhoods.length} polygons (one core)`,
  );
  console.table([
    { measure: 'NeighbourhoodIndex (R-tree), median of 5', ms: result.medianMs, found },
    { measure: 'plain scan of every polygon', ms: result.scanMs, found: scanned },
  ]);
  console.log(
    `index built in ${result.buildMs} ms; target ≤ ${TARGET_MS} ms: ${result.medianMs <= TARGET_MS ? 'met' : 'NOT met'}`,
  );
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `neighbourhoods-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`written: ${file}`);
}

main();
