import type { PhotoRandom } from './photo-random';
import { Surface } from './raster';
import { mix } from './scene-lighting';
import type { SceneRecipe } from './scene-recipe';
import { drawCrown, drawLog, drawPole, drawTree } from './street-props';
import type { StreetScene } from './street-scene';
import { hash2 } from './value-noise';

/** A street tree blown over across the road: the snapped stump on the pavement, trunk and crown on the asphalt. */
export function fallenTreeRecipe(random: PhotoRandom): SceneRecipe {
  const salt = random.int(0, 1 << 20);
  const side = random.chance(0.5) ? -1 : 1;
  const baseZ = random.range(8, 12);
  const tipDz = random.range(-3, 3);
  const length = random.range(9, 12);
  let base: [number, number] = [0, 0];
  let tip: [number, number] = [0, 0];
  return {
    lightings: ['morning', 'noon', 'overcast', 'overcast', 'afternoon'],
    horizon: [0.34, 0.46],
    setup(scene: StreetScene): void {
      base = [side * (scene.layout.roadHalf + 0.9), baseZ];
      const dz = tipDz;
      const dx = -side * Math.sqrt(Math.max(1, length * length - dz * dz));
      tip = [base[0] + dx, baseZ + dz];
      scene.groundPaint = (surface, x, z, out) => {
        // Leaves and twigs scattered around the crown.
        const d = Math.hypot(x - tip[0], z - tip[1]);
        if (d < 4.5 && hash2(Math.floor(x * 14), Math.floor(z * 14), salt) > 0.55 + d * 0.09) {
          mix(out, surface === Surface.Road ? [70, 96, 46] : [96, 110, 52], 0.85, out);
        }
      };
    },
    draw(scene: StreetScene): void {
      const { layout } = scene;
      drawTree(scene, side * (layout.roadHalf + 1), baseZ + random.range(12, 16), random.range(6, 8), salt + 1);
      drawTree(scene, -side * (layout.roadHalf + 1), baseZ + random.range(4, 9), random.range(6, 8), salt + 2);
      const farFirst = tip[1] > base[1];
      const along = (t: number): [number, number] => [
        base[0] + (tip[0] - base[0]) * t,
        base[1] + (tip[1] - base[1]) * t,
      ];
      const crown = () => {
        // Branches fork off the trunk, leaves cluster at their ends, low over the asphalt.
        for (let k = 0; k < 5; k++) {
          const t = 0.45 + k * 0.12;
          const [bx, bz] = along(t);
          const [ex, ez] = along(t + 0.08);
          const spread = (k % 2 ? 1 : -1) * random.range(0.8, 1.8);
          drawLog(scene, bx, bz, ex, ez + spread, 0.09, 0.04);
          drawCrown(scene, ex, 0.6 + random.range(0, 0.6), ez + spread, 1.1 + random.range(0, 0.4), salt + k * 7, 0.9);
        }
      };
      if (farFirst) {
        crown();
      }
      // The snapped stump with pale splintered wood on top.
      drawPole(scene, base[0], base[1], 0, 0.9, 0.32, [88, 72, 56], 50);
      drawPole(scene, base[0], base[1], 0.8, 1.05, 0.26, [196, 170, 126], 30);
      drawLog(scene, base[0], base[1], tip[0] * 0.85 + base[0] * 0.15, tip[1] * 0.85 + base[1] * 0.15, 0.34, 0.14);
      if (!farFirst) {
        crown();
      }
    },
  };
}
