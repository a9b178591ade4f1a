import type { Point } from './raster';

/**
 * A phone held at eye height looking along a street: world X to the right, Y up, Z ahead (metres).
 * Pitch moves the horizon, a slight roll tilts the frame like a hand-held shot.
 */
export class StreetCamera {
  private readonly cos: number;
  private readonly sin: number;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Focal length in pixels. */
    readonly focal: number,
    /** Height of the camera above the road, metres. */
    readonly eye: number,
    /** Where the street's vanishing point is, before roll. */
    readonly vanishX: number,
    readonly horizonY: number,
    readonly roll: number,
    /** Where the camera stands across the street (0: the road's middle), metres. */
    readonly offsetX = 0,
  ) {
    this.cos = Math.cos(roll);
    this.sin = Math.sin(roll);
  }

  project(x: number, y: number, z: number): Point {
    const depth = Math.max(z, 0.05);
    const sx = this.vanishX + (this.focal * (x - this.offsetX)) / depth;
    const sy = this.horizonY + (this.focal * (this.eye - y)) / depth;
    return this.rotate(sx, sy, this.sin);
  }

  /** How many pixels one metre spans at depth `z`. */
  scale(z: number): number {
    return this.focal / Math.max(z, 0.05);
  }

  /** A pixel's position before the roll, for casting its ray. */
  unroll(px: number, py: number): Point {
    return this.rotate(px, py, -this.sin);
  }

  private rotate(px: number, py: number, sin: number): Point {
    const cx = this.width / 2;
    const cy = this.height / 2;
    const dx = px - cx;
    const dy = py - cy;
    return [cx + dx * this.cos - dy * sin, cy + dx * sin + dy * this.cos];
  }
}
