import type { PhotoRandom } from './photo-random';
import type { Raster, Rgb } from './raster';
import { Surface } from './raster';
import type { Lighting } from './scene-lighting';
import { mix } from './scene-lighting';
import type { StreetCamera } from './street-camera';
import type { Facade, StreetLayout } from './street-layout';
import { fbm2, hash2, noise2 } from './value-noise';

/** Recolours a point of the road or pavement (world metres) before light and haze: the subject's hook. */
export type GroundPaint = (surface: number, x: number, z: number, out: Rgb) => void;
/** Adds light to a point of the ground, 0–1 and more (street lamps at night). */
export type GroundLight = (x: number, z: number) => number;

const WARM_WINDOW: Rgb = [250, 196, 120];
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Casts one ray per pixel into a street (road, kerbs, paved pavements, apartment fronts, a hazy end,
 * the sky), so textures and windows keep a true perspective; subjects recolour the ground through a
 * hook and draw themselves on top.
 */
export class StreetScene {
  groundPaint: GroundPaint | null = null;
  groundLight: GroundLight | null = null;
  private readonly colour: Rgb = [0, 0, 0];
  private readonly tmp: Rgb = [0, 0, 0];
  private readonly salt: number;

  constructor(
    readonly raster: Raster,
    readonly camera: StreetCamera,
    readonly layout: StreetLayout,
    readonly light: Lighting,
    readonly random: PhotoRandom,
  ) {
    this.salt = random.int(0, 1 << 20);
  }

  render(): void {
    const { raster, camera, layout } = this;
    const { width, height } = raster;
    const cx = width / 2;
    const cy = height / 2;
    const cos = Math.cos(camera.roll);
    const sin = Math.sin(camera.roll);
    const { focal, eye, vanishX, horizonY, offsetX } = camera;
    const out = this.colour;
    for (let py = 0; py < height; py++) {
      for (let px = 0; px < width; px++) {
        const dx = px + 0.5 - cx;
        const dy = py + 0.5 - cy;
        const ux = cx + dx * cos + dy * sin;
        const uy = cy - dx * sin + dy * cos;
        const lateral = ux - vanishX;
        const side = lateral < 0 ? 0 : 1;
        const front = layout.roadHalf + layout.walk[side] + (side === 0 ? offsetX : -offsetX);
        const facadeDepth = lateral === 0 ? Infinity : (front * focal) / Math.abs(lateral);
        let surface: number = Surface.Other;
        let depth: number;
        if (uy > horizonY + 0.01) {
          const roadZ = (focal * eye) / (uy - horizonY);
          const roadX = (lateral * roadZ) / focal + offsetX;
          const walkZ = (focal * (eye - layout.kerb)) / (uy - horizonY);
          const walkX = (lateral * walkZ) / focal + offsetX;
          const walkSide = walkX < 0 ? 0 : 1;
          const onWalk =
            Math.abs(walkX) > layout.roadHalf && Math.abs(walkX) <= layout.roadHalf + layout.walk[walkSide];
          const walkHit = onWalk && (Math.abs(roadX) > layout.roadHalf || Math.abs(offsetX) > layout.roadHalf);
          const roadHit = !walkHit && Math.abs(roadX) <= layout.roadHalf;
          const kerbHit =
            !walkHit && !roadHit && Math.abs(walkX) <= layout.roadHalf && Math.sign(walkX) === Math.sign(roadX);
          depth = walkHit ? walkZ : roadHit || kerbHit ? roadZ : facadeDepth;
          if (depth > layout.far) {
            depth = layout.far;
            this.distance(out);
          } else if (walkHit) {
            surface = Surface.Pavement;
            this.pavement(walkX, walkZ, walkX < 0 ? -1 : 1, out);
          } else if (roadHit) {
            surface = Surface.Road;
            this.road(roadX, roadZ, out);
          } else if (kerbHit) {
            this.kerbFace(roadX < 0 ? -1 : 1, roadZ, out);
          } else {
            this.facadeAt(side, facadeDepth, eye - ((uy - horizonY) * facadeDepth) / focal, out);
          }
        } else {
          const y = eye + ((horizonY - uy) * facadeDepth) / focal;
          depth = facadeDepth;
          if (facadeDepth > layout.far || !this.facadeAt(side, facadeDepth, y, out)) {
            depth = layout.far;
            this.backdrop(ux, uy, out);
          }
        }
        const p = py * width + px;
        raster.surface[p] = surface;
        const fog = this.light.night ? 0 : 1 - Math.exp(-depth / 260);
        mix(out, this.light.haze, fog, out);
        raster.rgb[p * 3] = out[0];
        raster.rgb[p * 3 + 1] = out[1];
        raster.rgb[p * 3 + 2] = out[2];
      }
    }
  }

  /** Multiplies an albedo by the light at a point: shade plus sun, tinted. */
  shade(out: Rgb, sunlit: number, extra = 0): void {
    const { sun, ambient, direct } = this.light;
    const k = ambient + direct * sunlit;
    const lamp = extra * 1.1;
    out[0] *= (k * sun[0]) / 255 + lamp;
    out[1] *= (k * sun[1]) / 255 + lamp * 0.82;
    out[2] *= (k * sun[2]) / 255 + lamp * 0.55;
  }

  /** Whether a ground point lies in the sunny side's building shadow (0) or in the sun (1). */
  sunlitGround(x: number): number {
    const { sunSide } = this.light;
    const front = this.layout.roadHalf + this.layout.walk[sunSide < 0 ? 0 : 1];
    const reach = front - this.layout.roadHalf * 0.9;
    return sunSide * x > front - reach ? 0 : 1;
  }

  /** How much of a pattern `period` metres long survives at depth `z` (1 near, 0 where it would shimmer). */
  detail(z: number, period: number): number {
    const footprint = (z * z) / (this.camera.focal * this.camera.eye);
    return clamp01((period / footprint - 1.5) / 2);
  }

  private road(x: number, z: number, out: Rgb): void {
    const { layout, salt } = this;
    const fine = this.detail(z, 0.05);
    const patch = fbm2(x * 0.35, z * 0.35, 2, salt);
    const grain = (hash2(Math.floor(x * 40), Math.floor(z * 40), salt) - 0.5) * 26 * fine;
    const wheel = Math.exp(-(((Math.abs(x) - layout.roadHalf * 0.5) / 0.5) ** 2)) * -7;
    let v = layout.asphalt + (patch - 0.5) * 34 + grain + wheel;
    const patchCell = Math.floor(z / 9);
    const patchAt = hash2(patchCell, 7, salt);
    if (patchAt > 0.55 && Math.abs(x - (patchAt - 0.75) * 8) < 0.9 && z % 9 > 3 && z % 9 < 3 + patchAt * 4) {
      v -= 6; // an old rectangular repair patch
    }
    out[0] = v;
    out[1] = v;
    out[2] = v * 1.03;
    if (layout.laneLine && Math.abs(x) < 0.07 && (z + 100) % 7 < 3.5) {
      const worn = clamp01(noise2(x * 30, z * 3, salt + 5) * 1.6 - 0.2);
      mix(out, [210, 208, 196], worn * 0.85, out);
    }
    if (this.groundPaint) {
      this.groundPaint(Surface.Road, x, z, out);
    }
    this.shade(out, this.sunlitGround(x), this.groundLight?.(x, z) ?? 0);
  }

  private pavement(x: number, z: number, sign: number, out: Rgb): void {
    const { layout, salt } = this;
    const edge = sign * x - layout.roadHalf;
    if (edge < 0.18) {
      this.kerbTop(z, out);
    } else {
      const [a, b] = layout.paverSize;
      const row = Math.floor(z / a);
      const shift = layout.paverSize[0] !== layout.paverSize[1] && row % 2 ? b / 2 : 0;
      const col = Math.floor((x + shift) / b);
      const u = (z / a - row) * a;
      const w = ((x + shift) / b - col) * b;
      const joint = u < 0.012 || w < 0.012 || u > a - 0.012 || w > b - 0.012;
      const tone = (hash2(row, col, salt + 9) - 0.5) * 22 + (fbm2(x * 0.6, z * 0.6, 2, salt + 3) - 0.5) * 30;
      const fade = this.detail(z, Math.min(a, b) * 0.5);
      out[0] = layout.paver[0] + tone;
      out[1] = layout.paver[1] + tone;
      out[2] = layout.paver[2] + tone;
      if (joint) {
        mix(out, [70, 66, 60], 0.75 * fade, out);
      } else {
        mix(out, [110, 104, 96], 0.12 * (1 - fade), out);
      }
    }
    if (this.groundPaint) {
      this.groundPaint(Surface.Pavement, x, z, out);
    }
    this.shade(out, this.sunlitGround(x), this.groundLight?.(x, z) ?? 0);
  }

  private kerbTop(z: number, out: Rgb): void {
    const block = Math.floor(z);
    const v = 168 + (hash2(block, 3, this.salt) - 0.5) * 16;
    out[0] = v;
    out[1] = v;
    out[2] = v - 4;
    if (this.layout.kerbPainted) {
      const red: Rgb = [176, 46, 40];
      mix(out, block % 2 ? red : [226, 222, 210], 0.8, out);
    }
  }

  private kerbFace(sign: number, z: number, out: Rgb): void {
    this.kerbTop(z, out);
    out[0] *= 0.82;
    out[1] *= 0.82;
    out[2] *= 0.82;
    this.shade(out, sign === this.light.sunSide ? 1 : 0.4, this.groundLight?.(sign * this.layout.roadHalf, z) ?? 0);
  }

  private facadeAt(side: number, z: number, y: number, out: Rgb): boolean {
    const facade = this.facadeNear(side, z);
    if (!facade || y > facade.height || y < 0) {
      return false;
    }
    const { salt } = this;
    const sunlit = (side === 0 ? -1 : 1) !== this.light.sunSide ? 1 : 0.15;
    const local = z - facade.from;
    const dirt = (noise2(local * 0.3, y * 0.4, salt + 11) - 0.5) * 26;
    out[0] = facade.colour[0] + dirt;
    out[1] = facade.colour[1] + dirt;
    out[2] = facade.colour[2] + dirt;
    const fade = clamp01(1.6 - (z * z) / (this.camera.focal * (this.layout.roadHalf + 3)) / (facade.bay * 0.4));
    let emissive = 0;
    if (y < 3.6 && !facade.shop) {
      // Flats on the ground floor: a stone plinth, windows, an entrance every few bays.
      const bay = Math.floor(local / facade.bay);
      const fz = (local % facade.bay) / facade.bay;
      if (y < 0.7) {
        mix(out, [128, 124, 118], 0.7, out);
      } else if (bay % 4 === 1 && fz > 0.3 && fz < 0.7 && y < 2.5) {
        mix(out, [86, 62, 44], 0.85 * fade + 0.3 * (1 - fade), out);
      } else if (fz > 0.24 && fz < 0.76 && y > 1.2 && y < 2.7) {
        const v = 40 + hash2(bay, -1, salt + 21) * 30;
        mix(out, [v, v + 4, v + 10], 0.9 * fade + 0.35 * (1 - fade), out);
        emissive = this.light.night && hash2(bay, -2, salt) > 0.65 ? 1 : 0;
      }
    } else if (y < 3.6 && facade.shop) {
      if (y > 2.9) {
        mix(out, facade.shop, 0.85, out);
      } else if (y > 0.35 && (local % (facade.bay * 2)) / (facade.bay * 2) > 0.08) {
        // Shop windows: dark glass with the street reflected in it, lighter at the top.
        const reflection = 52 + (y / 2.9) * 40 + noise2(local * 0.7, y * 0.5, salt + 13) * 26;
        mix(out, [reflection * 0.9, reflection, reflection * 1.08], 0.85 * fade + 0.4 * (1 - fade), out);
        emissive = this.light.night && hash2(Math.floor(local / (facade.bay * 2)), 5, salt) > 0.6 ? 0.35 : 0;
      } else {
        mix(out, [90, 90, 92], 0.6, out);
      }
    } else if (y > facade.height - 0.45) {
      mix(out, [110, 104, 100], 0.5, out);
    } else {
      const floor = Math.floor((y - 3.6) / 2.9);
      const bay = Math.floor(local / facade.bay);
      const fy = (y - 3.6) % 2.9;
      const fz = (local % facade.bay) / facade.bay;
      const glass = fz > 0.24 && fz < 0.76 && fy > 0.85 && fy < 2.35;
      if (glass) {
        const curtain = hash2(bay, floor, salt + 21);
        const reflect = (this.light.skyHorizon[0] + this.light.skyHorizon[2]) / 2;
        const v = 38 + curtain * 30 + reflect * 0.18;
        mix(out, [v, v + 4, v + 10], 0.9 * fade + 0.35 * (1 - fade), out);
        if (this.light.night && curtain > 0.62) {
          emissive = 1;
        }
      } else if (fy < 0.16) {
        mix(out, [236, 234, 228], 0.5 * fade, out);
      } else if (!glass) {
        mix(out, [120, 116, 110], 0.25 * (1 - fade), out);
      }
    }
    this.shade(out, sunlit);
    if (emissive > 0) {
      // A lit room or shop at night: warm light on top of the shaded glass.
      out[0] += WARM_WINDOW[0] * 0.6 * emissive;
      out[1] += WARM_WINDOW[1] * 0.6 * emissive;
      out[2] += WARM_WINDOW[2] * 0.6 * emissive;
    }
    return true;
  }

  private facadeNear(side: number, z: number): Facade | null {
    for (const facade of this.layout.facades[side]) {
      if (z >= facade.from && z < facade.to) {
        return facade;
      }
    }
    return null;
  }

  private backdrop(ux: number, uy: number, out: Rgb): void {
    const { horizonY } = this.camera;
    const scale = this.camera.scale(this.layout.far);
    const block = Math.floor(ux / (scale * 14));
    const skyline = scale * (8 + hash2(block, 0, this.salt) * 22);
    if (uy > horizonY - skyline + this.camera.eye * scale) {
      const v = 110 + hash2(block, 1, this.salt) * 50;
      const building: Rgb = [v, v - 4, v - 10];
      this.shade(building, 0.6);
      mix(building, this.light.haze, this.light.night ? 0.4 : 0.55, out);
      if (this.light.night && hash2(Math.floor(ux / 3), Math.floor(uy / 3), this.salt) > 0.93) {
        mix(out, [240, 190, 120], 0.7, out);
      }
      return;
    }
    this.sky(ux, uy, out);
  }

  private sky(ux: number, uy: number, out: Rgb): void {
    const { light } = this;
    const t = clamp01(uy / Math.max(1, this.camera.horizonY + 40));
    mix(light.skyTop, light.skyHorizon, Math.pow(t, 1.4), out);
    const height = Math.max(8, this.camera.horizonY + 60 - uy);
    const n = fbm2(ux / (height * 1.6) + this.salt, 300 / height, 3, this.salt + 31);
    const cover = clamp01((n - (0.62 - light.cloudiness * 0.3)) * 4);
    if (cover > 0) {
      const shadowed = noise2(ux / 60, uy / 30, this.salt + 7);
      const base = light.night ? 30 : light.cloudiness > 0.9 ? 200 : 246;
      const v = base - shadowed * (light.cloudiness > 0.9 ? 60 : 40);
      mix(out, [v, v, v + 4], cover * (light.night ? 0.3 : 0.85), out);
    }
  }

  private distance(out: Rgb): void {
    const v = this.layout.asphalt + 10;
    out[0] = v;
    out[1] = v;
    out[2] = v;
    this.shade(out, 0.5);
  }

  /** The cached scratch colour, for props that paint and shade in one go. */
  scratch(): Rgb {
    return this.tmp;
  }
}
