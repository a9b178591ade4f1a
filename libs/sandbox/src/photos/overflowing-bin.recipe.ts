import type { PhotoRandom } from './photo-random';
import type { Rgb } from './raster';
import { mix } from './scene-lighting';
import type { SceneRecipe } from './scene-recipe';
import { standFor } from './scene-recipe';
import { drawBag, drawBox, drawLampPost, drawTree } from './street-props';
import type { StreetScene } from './street-scene';
import { hash2, noise2 } from './value-noise';

const CONTAINERS: Rgb[] = [
  [58, 88, 62],
  [136, 140, 142],
  [64, 70, 78],
];
const BAGS: Rgb[] = [
  [34, 34, 36],
  [30, 32, 40],
  [40, 38, 36],
  [70, 96, 150],
  [210, 206, 196],
];
const LITTER: Rgb[] = [
  [236, 234, 226],
  [200, 40, 40],
  [40, 110, 190],
  [230, 200, 60],
  [120, 170, 90],
];

interface Bag {
  x: number;
  y: number;
  z: number;
  size: number;
  tint: Rgb;
}

/** A wheeled rubbish container by the kerb, lid forced open by bags, more bags and litter around it. */
export function overflowingBinRecipe(random: PhotoRandom): SceneRecipe {
  const salt = random.int(0, 1 << 20);
  const z0 = random.range(4.2, 6.2);
  const depth = 1.1;
  const width = random.range(1.3, 1.6);
  const height = 1.3;
  const colour = random.pick(CONTAINERS);
  const side = random.chance(0.5) ? -1 : 1;
  const aim = random.range(0.4, 0.6);
  let x0 = 0;
  const bags: Bag[] = [];
  return {
    lightings: ['morning', 'noon', 'afternoon', 'overcast'],
    horizon: [0.22, 0.38],
    stand: (layout, frame) => {
      x0 = side < 0 ? -layout.roadHalf + 0.25 : layout.roadHalf - 0.25 - width;
      return standFor(frame, x0 + width / 2, z0 + depth / 2, aim);
    },
    setup(scene: StreetScene): void {
      // Against the kerb, in the parking lane (placed when choosing where to stand).
      const centre = x0 + width / 2;
      for (let k = 0; k < random.int(5, 8); k++) {
        bags.push({
          x: centre + random.range(-0.55, 0.45) * width,
          y: height - 0.15 + random.range(0, 0.45),
          z: z0 + random.range(0.1, depth - 0.2),
          size: random.range(0.45, 0.7),
          tint: random.pick(BAGS),
        });
      }
      for (let k = 0; k < random.int(4, 8); k++) {
        const front = random.chance(0.6);
        bags.push({
          x: centre + random.range(-1.3, 1.3),
          y: 0,
          z: front ? z0 - random.range(0.2, 0.9) : z0 + random.range(0, depth + 0.6),
          size: random.range(0.45, 0.75),
          tint: random.pick(BAGS),
        });
      }
      bags.sort((a, b) => b.z - a.z);
      scene.groundPaint = (_surface, x, z, out) => {
        const dx = x - centre;
        const dz = z - (z0 + depth / 2);
        const near = dx * dx + dz * dz;
        if (near > 9) {
          return;
        }
        // A dark wet stain under the container and scraps of litter around it.
        const stain = Math.max(0, 1 - near / 3.2) * noise2(x * 2, z * 2, salt);
        mix(out, [40, 36, 30], stain * 0.7, out);
        // Scraps: paper, cans and bottles, a few per square metre, crumpled (noisy edges).
        const cx = Math.floor(x * 4);
        const cz = Math.floor(z * 4);
        if (near < 5 && hash2(cx, cz, salt) > 0.8) {
          const piece = LITTER[Math.floor(hash2(cx, cz, salt + 1) * LITTER.length)];
          const u = x * 4 - cx - 0.5;
          const v = z * 4 - cz - 0.5;
          const long = hash2(cx, cz, salt + 2) > 0.5;
          const extent = (long ? u * u * 4 + v * v * 20 : u * u * 12 + v * v * 12) + noise2(x * 40, z * 40, salt) * 0.8;
          if (extent < 1) {
            mix(out, piece, 0.85, out);
          }
        }
      };
    },
    draw(scene: StreetScene): void {
      const { layout } = scene;
      drawLampPost(scene, -side * (layout.roadHalf + 0.4), z0 + random.range(14, 22), 'dark');
      if (random.chance(0.7)) {
        drawTree(scene, side * (layout.roadHalf + 1), z0 + random.range(6, 10), random.range(5, 7), salt);
      }
      const behind = bags.filter((bag) => bag.y === 0 && bag.z > z0 + depth);
      const onTop = bags.filter((bag) => bag.y > 0);
      const before = bags.filter((bag) => bag.y === 0 && bag.z <= z0 + depth);
      for (const bag of behind) {
        drawBag(scene, bag.x, bag.y, bag.z, bag.size, bag.tint, salt + Math.round(bag.z * 100));
      }
      // The lid, pushed up and back by the bags.
      drawBox(scene, x0, x0 + width, z0 + depth - 0.08, z0 + depth, height + 0.75, colour);
      drawBox(scene, x0, x0 + width, z0, z0 + depth, height, colour, (face, u, v, out) => {
        if (face === 'front' || face === 'side') {
          const rib = Math.abs(((u * 9) % 1) - 0.5) < 0.08 ? -18 : 0;
          const grime = (noise2(u * 6, v * 3, salt + 3) - 0.5) * 30 - (1 - v) * 18;
          out[0] += rib + grime;
          out[1] += rib + grime;
          out[2] += rib + grime;
          if (face === 'front' && v > 0.55 && v < 0.72 && u > 0.3 && u < 0.7) {
            mix(out, [230, 230, 226], 0.8, out); // the municipality's label
          }
        } else {
          mix(out, [30, 30, 30], 0.6, out);
        }
      });
      for (const bag of onTop) {
        drawBag(scene, bag.x, bag.y, bag.z, bag.size, bag.tint, salt + Math.round(bag.z * 100));
      }
      for (const bag of before) {
        drawBag(scene, bag.x, bag.y, bag.z, bag.size, bag.tint, salt + Math.round(bag.z * 100));
      }
    },
  };
}
