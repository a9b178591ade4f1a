import { encode } from 'jpeg-js';

/** A colour being painted, 0–255 per channel; painters write into it and return their opacity. */
export type Rgb = [number, number, number];
/** Colours one pixel of a shape; returns its opacity (0 leaves the pixel, 1 covers it). */
export type Paint = (x: number, y: number, out: Rgb) => number;
export type Point = readonly [number, number];

/** Which surface the street pass put under a pixel, so later passes (water) touch only that. */
export const Surface = { Other: 0, Road: 1, Pavement: 2 } as const;

/**
 * An RGB canvas in floating point with the few primitives the scenes need (polygons, ellipses,
 * glows), finished like a phone camera (softness, vignette, sensor grain) and encoded as JPEG.
 */
export class Raster {
  readonly rgb: Float32Array;
  readonly surface: Uint8Array;
  private readonly scratch: Rgb = [0, 0, 0];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Float32Array(width * height * 3);
    this.surface = new Uint8Array(width * height);
  }

  // Big working buffers are reused between photos (drawing is synchronous): allocating ~8 MB per
  // photo kept the garbage collector busier than the drawing.
  private static scratchBuffers: { size: number; row: Float32Array; rgba: Buffer } | null = null;

  private static buffers(width: number, height: number) {
    const size = width * height;
    if (Raster.scratchBuffers?.size !== size) {
      // Opaque once: the alpha bytes are never written again.
      Raster.scratchBuffers = { size, row: new Float32Array(size * 3), rgba: Buffer.alloc(size * 4, 255) };
    }
    return Raster.scratchBuffers;
  }

  /** Mixes `out` over pixel (x, y) with opacity `alpha`; the pixel stops being bare surface. */
  blend(x: number, y: number, out: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) {
      return;
    }
    const p = y * this.width + x;
    const i = p * 3;
    const a = alpha > 1 ? 1 : alpha;
    this.rgb[i] += (out[0] - this.rgb[i]) * a;
    this.rgb[i + 1] += (out[1] - this.rgb[i + 1]) * a;
    this.rgb[i + 2] += (out[2] - this.rgb[i + 2]) * a;
    if (a > 0.5) {
      this.surface[p] = Surface.Other;
    }
  }

  /** Fills a polygon (even-odd, sampled at pixel centres). */
  fillPolygon(points: readonly Point[], paint: Paint): void {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [, y] of points) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const top = Math.max(0, Math.ceil(minY - 0.5));
    const bottom = Math.min(this.height - 1, Math.floor(maxY - 0.5));
    const crossings: number[] = [];
    for (let y = top; y <= bottom; y++) {
      const cy = y + 0.5;
      crossings.length = 0;
      for (let k = 0; k < points.length; k++) {
        const [x1, y1] = points[k];
        const [x2, y2] = points[(k + 1) % points.length];
        if (y1 <= cy !== y2 <= cy) {
          crossings.push(x1 + ((cy - y1) / (y2 - y1)) * (x2 - x1));
        }
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        this.span(y, crossings[k], crossings[k + 1], paint);
      }
    }
  }

  /** Fills an ellipse, optionally rotated by `angle` radians. */
  fillEllipse(cx: number, cy: number, rx: number, ry: number, paint: Paint, angle = 0): void {
    const steps = Math.max(12, Math.min(64, Math.ceil((rx + ry) / 2)));
    const points: Point[] = [];
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    for (let k = 0; k < steps; k++) {
      const t = (k / steps) * Math.PI * 2;
      const ex = Math.cos(t) * rx;
      const ey = Math.sin(t) * ry;
      points.push([cx + ex * cos - ey * sin, cy + ex * sin + ey * cos]);
    }
    this.fillPolygon(points, paint);
  }

  /** Adds light around (cx, cy), falling off smoothly to nothing at `radius`. */
  glow(cx: number, cy: number, radius: number, colour: Rgb, strength: number): void {
    const x0 = Math.max(0, Math.floor(cx - radius));
    const x1 = Math.min(this.width - 1, Math.ceil(cx + radius));
    const y0 = Math.max(0, Math.floor(cy - radius));
    const y1 = Math.min(this.height - 1, Math.ceil(cy + radius));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x - cx, y - cy) / radius;
        if (d >= 1) {
          continue;
        }
        const k = (1 - d) * (1 - d) * strength;
        const i = (y * this.width + x) * 3;
        this.rgb[i] += colour[0] * k;
        this.rgb[i + 1] += colour[1] * k;
        this.rgb[i + 2] += colour[2] * k;
      }
    }
  }

  /**
   * Finishes the frame like a phone camera and encodes it: a light [1 2 1] blur both ways (lenses
   * are never pixel-sharp, and polygon edges lose their stairs), vignette and sensor grain.
   */
  toJpeg(quality: number, grainSeed: number): Buffer {
    const { width, height, rgb } = this;
    const { row, rgba } = Raster.buffers(width, height);
    for (let i = 0; i < rgb.length; i += 3) {
      const atLeft = i % (width * 3) === 0;
      const atRight = (i + 3) % (width * 3) === 0;
      for (let c = 0; c < 3; c++) {
        const l = atLeft ? rgb[i + c] : rgb[i - 3 + c];
        const r = atRight ? rgb[i + c] : rgb[i + 3 + c];
        row[i + c] = (l + 2 * rgb[i + c] + r) * 0.25;
      }
    }
    const stride = width * 3;
    const cx = width / 2;
    const cy = height / 2;
    const corner = cx * cx + cy * cy;
    let grainState = grainSeed >>> 0;
    for (let y = 0; y < height; y++) {
      const up = y > 0 ? -stride : 0;
      const down = y < height - 1 ? stride : 0;
      const dy2 = (y - cy) ** 2;
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        const i = p * 3;
        const vignette = 0.25 * (1 - 0.28 * (((x - cx) ** 2 + dy2) / corner));
        grainState = (Math.imul(grainState, 1664525) + 1013904223) >>> 0;
        const grain = (grainState / 4294967296 - 0.5) * 7;
        for (let c = 0; c < 3; c++) {
          const v = (row[i + up + c] + 2 * row[i + c] + row[i + down + c]) * vignette + grain;
          rgba[p * 4 + c] = v < 0 ? 0 : v > 255 ? 255 : v;
        }
      }
    }
    return encode({ data: rgba, width, height }, quality).data;
  }

  private span(y: number, from: number, to: number, paint: Paint): void {
    const start = Math.max(0, Math.ceil(from - 0.5));
    const end = Math.min(this.width - 1, Math.floor(to - 0.5));
    const out = this.scratch;
    for (let x = start; x <= end; x++) {
      const alpha = paint(x, y, out);
      this.blend(x, y, out, alpha);
    }
  }
}
