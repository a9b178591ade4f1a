import type { PhotoRandom } from './photo-random';
import type { Rgb } from './raster';

/** One apartment block's front along the street. */
export interface Facade {
  from: number;
  to: number;
  height: number;
  colour: Rgb;
  /** Window pitch along the street, metres. */
  bay: number;
  /** The shop sign's colour; null for a block with flats on the ground floor too. */
  shop: Rgb | null;
}

/** What a street looks like: widths in metres, the blocks on each side, the paving. */
export interface StreetLayout {
  roadHalf: number;
  /** Pavement width on the left and right. */
  walk: [number, number];
  kerb: number;
  kerbPainted: boolean;
  asphalt: number;
  paver: Rgb;
  paverSize: [number, number];
  laneLine: boolean;
  facades: [Facade[], Facade[]];
  far: number;
}

// Turkish apartment blocks: cream, sand, pale pink and yellow, white, light grey.
const WALLS: Rgb[] = [
  [222, 206, 178],
  [214, 190, 160],
  [226, 196, 186],
  [230, 214, 160],
  [226, 224, 216],
  [186, 186, 184],
  [206, 170, 140],
  [180, 196, 200],
];
const SHOP_SIGNS: Rgb[] = [
  [180, 40, 40],
  [30, 90, 160],
  [40, 120, 70],
  [220, 160, 30],
  [90, 40, 110],
];
const PAVERS: Rgb[] = [
  [150, 146, 140],
  [170, 120, 104],
  [176, 168, 150],
  [132, 130, 128],
];

export function streetLayout(random: PhotoRandom, overrides: Partial<StreetLayout> = {}): StreetLayout {
  const far = 160;
  const side = (): Facade[] => {
    const blocks: Facade[] = [];
    let at = random.range(-4, 2);
    while (at < far) {
      const length = random.range(12, 24);
      const floors = random.int(3, 7);
      blocks.push({
        from: at,
        to: at + length,
        height: 3.6 + floors * 2.9 + random.range(0, 0.8),
        colour: random.pick(WALLS),
        bay: random.range(2.4, 3.4),
        shop: random.chance(0.6) ? random.pick(SHOP_SIGNS) : null,
      });
      at += length + (random.chance(0.3) ? random.range(2, 6) : 0);
    }
    return blocks;
  };
  return {
    roadHalf: random.range(3.2, 4.6),
    walk: [random.range(2.2, 3.6), random.range(2.2, 3.6)],
    kerb: 0.15,
    kerbPainted: random.chance(0.35),
    asphalt: random.range(78, 104),
    paver: random.pick(PAVERS),
    paverSize: random.chance(0.5) ? [0.2, 0.1] : [0.3, 0.3],
    laneLine: random.chance(0.7),
    facades: [side(), side()],
    far,
    ...overrides,
  };
}
