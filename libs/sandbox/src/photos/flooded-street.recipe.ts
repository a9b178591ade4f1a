import type { PhotoRandom } from './photo-random';
import { Surface } from './raster';
import type { SceneRecipe } from './scene-recipe';
import { drawLampPost, drawTree } from './street-props';
import type { StreetScene } from './street-scene';
import { noise2 } from './value-noise';

/** A street under muddy rain water from kerb to kerb, mirroring the blocks and the grey sky. */
export function floodedStreetRecipe(random: PhotoRandom): SceneRecipe {
  const salt = random.int(0, 1 << 20);
  const overPavement = random.chance(0.4);
  const mud: [number, number, number] = [random.range(92, 118), random.range(82, 98), random.range(58, 70)];
  return {
    lightings: ['overcast', 'overcast', 'morning', 'afternoon'],
    horizon: [0.36, 0.48],
    setup(): void {
      // The street is cast dry; the water goes over it once everything standing is drawn.
    },
    draw(scene: StreetScene): void {
      const { layout, raster, camera } = scene;
      for (const side of [-1, 1]) {
        const first = random.range(6, 14);
        for (let k = 3; k >= 0; k--) {
          const z = first + k * random.range(18, 24);
          if ((k + side) % 2) {
            drawLampPost(scene, side * (layout.roadHalf + 0.4), z, 'dark');
          } else {
            drawTree(scene, side * (layout.roadHalf + 1.1), z + 6, random.range(5, 7), salt + k);
          }
        }
      }
      const { width, height, rgb, surface } = raster;
      const left = camera.project(camera.offsetX - 1e4, camera.eye, 1e5);
      const right = camera.project(camera.offsetX + 1e4, camera.eye, 1e5);
      const slope = (right[1] - left[1]) / (right[0] - left[0]);
      for (let py = 0; py < height; py++) {
        for (let px = 0; px < width; px++) {
          const p = py * width + px;
          const wet = surface[p] === Surface.Road || (overPavement && surface[p] === Surface.Pavement);
          if (!wet) {
            continue;
          }
          const horizon = left[1] + (px - left[0]) * slope;
          const below = py - horizon;
          // Ripples shift the mirrored row; they are finer and calmer far away.
          const ripple = (noise2(px * 0.05, py * 0.35, salt) - 0.5) * (4 + below * 0.06);
          const mx = Math.min(width - 1, Math.max(0, Math.round(px + ripple * 0.5)));
          const my = Math.min(height - 1, Math.max(0, Math.round(horizon - below + ripple)));
          const q = (my * width + mx) * 3;
          const fresnel = Math.min(0.85, 0.35 + 0.5 * Math.exp(-below / 60));
          const glint = noise2(px * 0.2, py * 1.2, salt + 3) > 0.8 ? 14 : 0;
          for (let c = 0; c < 3; c++) {
            const reflected = rgb[q + c] * 0.85 + glint;
            rgb[p * 3 + c] = reflected * fresnel + mud[c] * 0.8 * (1 - fresnel);
          }
        }
      }
    },
  };
}
