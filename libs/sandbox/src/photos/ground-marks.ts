import { noise2 } from './value-noise';

/** Hairline cracks: where smooth noise crosses its middle, a wandering line appears. */
export function crack(x: number, z: number, scale: number, width: number, salt: number): number {
  const n = Math.abs(noise2(x * scale, z * scale, salt) - 0.5);
  return n < width ? 1 - n / width : 0;
}

/** A blob's edge in polar form: 1 on average, wobbling by `roughness`, seamless around the circle. */
export function blobRadius(angle: number, roughness: number, salt: number): number {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return (
    1 + roughness * (noise2(c * 1.6 + 5, s * 1.6 + 5, salt) - 0.5) * 2 + 0.08 * (noise2(c * 6, s * 6, salt + 1) - 0.5)
  );
}
