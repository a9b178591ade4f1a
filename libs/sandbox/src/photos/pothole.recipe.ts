import { blobRadius, crack } from './ground-marks';
import type { PhotoRandom } from './photo-random';
import type { Rgb } from './raster';
import { Surface } from './raster';
import { mix } from './scene-lighting';
import type { SceneRecipe } from './scene-recipe';
import { standFor } from './scene-recipe';
import type { StreetScene } from './street-scene';
import { hash2, noise2 } from './value-noise';

/** A broken-edged pothole in the asphalt a few steps ahead, sometimes holding rain water. */
export function potholeRecipe(random: PhotoRandom): SceneRecipe {
  const salt = random.int(0, 1 << 20);
  const depthAhead = random.range(2.6, 4);
  const radiusX = random.range(0.55, 0.95);
  const radiusZ = radiusX * random.range(0.8, 1.5);
  const water = random.chance(0.45);
  const aim = random.range(0.42, 0.58);
  const across = random.range(-0.6, 0.6);
  let centreX = 0;
  return {
    lightings: ['morning', 'noon', 'afternoon', 'overcast', 'overcast'],
    horizon: [0.1, 0.24],
    layout: () => ({ laneLine: random.chance(0.5) }),
    stand: (layout, frame) => {
      centreX = across * (layout.roadHalf - radiusX - 0.3);
      return standFor(frame, centreX, depthAhead, aim);
    },
    setup(scene: StreetScene): void {
      const puddle: Rgb = [
        scene.light.skyHorizon[0] * 0.55,
        scene.light.skyHorizon[1] * 0.58,
        scene.light.skyHorizon[2] * 0.62,
      ];
      scene.groundPaint = (surface, x, z, out) => {
        if (surface !== Surface.Road) {
          return;
        }
        const dx = (x - centreX) / radiusX;
        const dz = (z - depthAhead) / radiusZ;
        const reach = Math.hypot(dx, dz);
        if (reach > 2.6) {
          return;
        }
        const angle = Math.atan2(dz, dx);
        const d = reach / blobRadius(angle, 0.3, salt);
        if (d < 1) {
          // Inside: the far wall faces the camera and catches light; the near rim shades the floor.
          const stones = hash2(Math.floor(x * 70), Math.floor(z * 70), salt) > 0.85 ? 34 : 0;
          const base = 34 + noise2(x * 9, z * 9, salt + 2) * 22 + stones;
          out[0] = base * 1.1;
          out[1] = base;
          out[2] = base * 0.88;
          const wall = (d - 0.66) / 0.34;
          if (wall > 0 && dz > 0) {
            const face = wall * Math.min(1, dz * 2.2);
            const layers = noise2(x * 14, d * 30, salt + 3) * 30;
            mix(out, [112 + layers, 102 + layers, 88 + layers], face * 0.9, out);
          } else if (dz < 0) {
            mix(out, [16, 15, 14], Math.min(1, -dz * 1.6) * 0.75, out);
          }
          if (water && d < 0.74 + 0.2 * (noise2(x * 3, z * 3, salt + 4) - 0.5)) {
            const ripple = (noise2(x * 12, z * 30, salt + 6) - 0.5) * 18;
            mix(out, [puddle[0] + ripple, puddle[1] + ripple, puddle[2] + ripple], 0.62, out);
          }
          return;
        }
        if (d < 1.06) {
          // The broken edge's top catches the light.
          out[0] += 26;
          out[1] += 24;
          out[2] += 20;
          return;
        }
        if (d < 1.22) {
          // The rim: asphalt broken into chunks, some lifted and pale, gaps dark.
          const chunk = hash2(Math.floor(x * 9 + noise2(x * 4, z * 4, salt) * 2), Math.floor(z * 9), salt + 8);
          if (chunk > 0.72) {
            mix(out, [40, 36, 32], 0.7, out);
          } else if (chunk < 0.3) {
            out[0] += 22;
            out[1] += 20;
            out[2] += 16;
          }
        }
        const cracked = crack(x - centreX, z, 2.4, 0.016 * Math.max(0, 2.6 - reach), salt + 12);
        const spider = reach < 1.7 ? crack(x * 1.7, z * 1.3, 5, 0.014 * (1.7 - reach), salt + 13) : 0;
        const line = Math.max(cracked, spider);
        if (line > 0) {
          mix(out, [34, 32, 30], line * 0.7, out);
        }
        if (reach < 1.7 && hash2(Math.floor(x * 60), Math.floor(z * 60), salt + 14) > 0.93) {
          out[0] += 40;
          out[1] += 38;
          out[2] += 34;
        }
      };
    },
    draw(): void {
      // The pothole is all in the road's paint.
    },
  };
}
