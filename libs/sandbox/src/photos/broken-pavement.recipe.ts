import { blobRadius, crack } from './ground-marks';
import type { PhotoRandom } from './photo-random';
import { Surface } from './raster';
import { mix } from './scene-lighting';
import type { SceneRecipe } from './scene-recipe';
import type { StreetLayout } from './street-layout';
import { drawBox, drawTree } from './street-props';
import type { StreetScene } from './street-scene';
import { hash2, noise2 } from './value-noise';

/** Paving stones lifted, cracked and missing on the pavement ahead, loose stones lying about. */
export function brokenPavementRecipe(random: PhotoRandom): SceneRecipe {
  const salt = random.int(0, 1 << 20);
  const side = random.chance(0.5) ? -1 : 1;
  const ahead = random.range(2.6, 4.2);
  const radius = random.range(0.7, 1.2);
  let centreX = 0;
  return {
    lightings: ['morning', 'noon', 'afternoon', 'overcast'],
    horizon: [0.12, 0.26],
    layout: () => ({ walk: [random.range(3.8, 5), random.range(3.8, 5)] }),
    stand: (layout: StreetLayout) => side * (layout.roadHalf + layout.walk[side < 0 ? 0 : 1] * random.range(0.35, 0.6)),
    setup(scene: StreetScene): void {
      const { layout } = scene;
      centreX = side * (layout.roadHalf + layout.walk[side < 0 ? 0 : 1] * 0.5);
      scene.groundPaint = (surface, x, z, out) => {
        if (surface !== Surface.Pavement) {
          return;
        }
        const dx = (x - centreX) / radius;
        const dz = (z - ahead) / (radius * 1.3);
        const reach = Math.sqrt(dx * dx + dz * dz);
        if (reach > 2.4) {
          return;
        }
        const d = reach / blobRadius(Math.atan2(dz, dx), 0.35, salt);
        const [a, b] = scene.layout.paverSize;
        const row = Math.floor(z / a);
        const col = Math.floor(x / b);
        if (d < 1) {
          // The stones are gone: sand bed and soil, pebbles, a few stones sunk at an angle.
          const soil = 96 + noise2(x * 8, z * 8, salt) * 40;
          out[0] = soil * 1.12;
          out[1] = soil * 0.94;
          out[2] = soil * 0.72;
          if (hash2(Math.floor(x * 50), Math.floor(z * 50), salt + 1) > 0.88) {
            out[0] += 34;
            out[1] += 32;
            out[2] += 30;
          }
          if (d > 0.8 && dz < 0) {
            mix(out, [40, 34, 26], (d - 0.8) * 3, out); // the near edge's shadow
          }
          return;
        }
        // Around the hole the stones are lifted and tilted: each catches the light differently.
        const lifted = Math.max(0, 1.6 - d);
        const tilt = (hash2(row, col, salt + 2) - 0.5) * 60 * lifted;
        out[0] += tilt;
        out[1] += tilt;
        out[2] += tilt;
        if (lifted > 0 && hash2(row, col, salt + 3) > 0.75) {
          mix(out, [60, 54, 46], 0.55, out);
        }
        const line = crack(x, z, 3, 0.016 * Math.max(0, 1.9 - reach), salt + 4);
        if (line > 0) {
          mix(out, [36, 32, 28], line * 0.8, out);
        }
      };
    },
    draw(scene: StreetScene): void {
      const { layout } = scene;
      drawTree(scene, side * (layout.roadHalf + 0.7), ahead + random.range(7, 11), random.range(5, 7), salt);
      // Loose stones lying on the pavement and in the hole.
      const stones = Array.from({ length: random.int(3, 6) }, () => ({
        x: centreX + random.range(-1.4, 1.4) * radius,
        z: ahead + random.range(-1.2, 1.4) * radius,
      })).sort((p, q) => q.z - p.z);
      const [a, b] = layout.paverSize;
      for (const stone of stones) {
        drawBox(scene, stone.x, stone.x + b, stone.z, stone.z + a, 0.08, layout.paver, (face, u, v, out) => {
          const grit = (noise2(u * 5, v * 5, salt + 7) - 0.5) * 24;
          out[0] += grit + (face === 'top' ? 16 : -10);
          out[1] += grit + (face === 'top' ? 16 : -10);
          out[2] += grit + (face === 'top' ? 16 : -10);
        });
      }
    },
  };
}
