// Hashed value noise: cheap, deterministic texture for asphalt, bark, leaves, clouds and water.

/** A pseudo-random number in [0, 1) for an integer lattice point and a salt. */
export function hash2(x: number, y: number, salt = 0): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ Math.imul(salt | 0, 0x9e3779b9);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

// The lattice is hashed once into a table: a lookup costs far less than four hashes per sample.
const SIZE = 256;
const MASK = SIZE - 1;
const LATTICE = new Float32Array(SIZE * SIZE);
for (let j = 0; j < SIZE; j++) {
  for (let i = 0; i < SIZE; i++) {
    LATTICE[j * SIZE + i] = hash2(i, j, 0x51ed);
  }
}

/** Smooth value noise in [0, 1); the salt shifts to another part of the (256-periodic) lattice. */
export function noise2(x: number, y: number, salt = 0): number {
  x += (salt * 97) & MASK;
  y += (salt * 57) & MASK;
  const xf0 = Math.floor(x);
  const yf0 = Math.floor(y);
  const xf = x - xf0;
  const yf = y - yf0;
  const xi = xf0 & MASK;
  const yi = yf0 & MASK;
  const xj = (xi + 1) & MASK;
  const row0 = yi * SIZE;
  const row1 = ((yi + 1) & MASK) * SIZE;
  const u = xf * xf * (3 - 2 * xf);
  const v = yf * yf * (3 - 2 * yf);
  const a = LATTICE[row0 + xi];
  const b = LATTICE[row0 + xj];
  const c = LATTICE[row1 + xi];
  const d = LATTICE[row1 + xj];
  return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
}

/** Fractal noise in about [0, 1): `octaves` layers, each twice as fine and half as strong. */
export function fbm2(x: number, y: number, octaves: number, salt = 0): number {
  let sum = 0;
  let amplitude = 0.5;
  let total = 0;
  for (let octave = 0; octave < octaves; octave++) {
    sum += noise2(x, y, salt + octave * 17) * amplitude;
    total += amplitude;
    x *= 2.03;
    y *= 2.03;
    amplitude *= 0.5;
  }
  return sum / total;
}
