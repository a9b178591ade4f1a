import type { Rgb } from './raster';

/** The light a photo is taken in: the sky, the sun's side and strength, the haze far away. */
export interface Lighting {
  skyTop: Rgb;
  skyHorizon: Rgb;
  haze: Rgb;
  /** Tint of sunlit surfaces. */
  sun: Rgb;
  /** Light in shadow (0–1) and added by direct sun (0–1). */
  ambient: number;
  direct: number;
  /** The side the sun comes from: -1 from the left, 1 from the right. */
  sunSide: -1 | 1;
  cloudiness: number;
  night: boolean;
}

export type LightingName = 'morning' | 'noon' | 'afternoon' | 'overcast' | 'dusk' | 'night';

const PRESETS: Record<LightingName, Omit<Lighting, 'sunSide'>> = {
  morning: {
    skyTop: [92, 142, 205],
    skyHorizon: [206, 220, 232],
    haze: [196, 206, 214],
    sun: [255, 244, 226],
    ambient: 0.62,
    direct: 0.42,
    cloudiness: 0.25,
    night: false,
  },
  noon: {
    skyTop: [70, 130, 210],
    skyHorizon: [190, 214, 236],
    haze: [200, 212, 224],
    sun: [255, 252, 242],
    ambient: 0.66,
    direct: 0.45,
    cloudiness: 0.3,
    night: false,
  },
  afternoon: {
    skyTop: [88, 136, 196],
    skyHorizon: [222, 214, 196],
    haze: [214, 206, 190],
    sun: [255, 232, 200],
    ambient: 0.6,
    direct: 0.45,
    cloudiness: 0.35,
    night: false,
  },
  overcast: {
    skyTop: [150, 156, 164],
    skyHorizon: [206, 208, 210],
    haze: [188, 190, 194],
    sun: [236, 238, 242],
    ambient: 0.82,
    direct: 0.08,
    cloudiness: 1,
    night: false,
  },
  dusk: {
    skyTop: [44, 58, 104],
    skyHorizon: [214, 140, 96],
    haze: [120, 100, 104],
    sun: [255, 196, 150],
    ambient: 0.4,
    direct: 0.12,
    cloudiness: 0.4,
    night: false,
  },
  night: {
    skyTop: [10, 14, 30],
    skyHorizon: [40, 44, 62],
    haze: [34, 36, 48],
    sun: [255, 210, 150],
    ambient: 0.16,
    direct: 0,
    cloudiness: 0.3,
    night: true,
  },
};

export function lighting(name: LightingName, sunSide: -1 | 1): Lighting {
  return { ...PRESETS[name], sunSide };
}

export function mix(a: Rgb, b: Rgb, t: number, out: Rgb): Rgb {
  out[0] = a[0] + (b[0] - a[0]) * t;
  out[1] = a[1] + (b[1] - a[1]) * t;
  out[2] = a[2] + (b[2] - a[2]) * t;
  return out;
}
