import type { PhotoRandom } from './photo-random';
import type { SceneRecipe } from './scene-recipe';
import { standFor } from './scene-recipe';
import { drawLampPost } from './street-props';
import type { StreetScene } from './street-scene';

/**
 * A street lamp that is out: at night the nearest of a lit row stays dark with its lantern broken; by
 * day a post knocked askew, its lantern hanging by the wires.
 */
export function brokenStreetLampRecipe(random: PhotoRandom): SceneRecipe {
  const side = random.chance(0.5) ? -1 : 1;
  const night = random.chance(0.6);
  const lean = night ? 0 : -side * random.range(0.16, 0.26);
  // At night the dark lamp stands further off, so its broken lantern is well inside the frame.
  const first = night ? random.range(13, 16) : random.range(9, 12);
  const spacing = random.range(20, 26);
  const count = 7;
  let x = 0;
  const lamps = Array.from({ length: count }, (_, k) => first + k * spacing);
  return {
    lightings: night ? ['night', 'night', 'dusk'] : ['morning', 'overcast', 'afternoon'],
    horizon: [0.66, 0.76],
    layout: () => ({ laneLine: true }),
    // The broken lamp a third of the way in from its side of the frame.
    stand: (layout, frame) =>
      standFor(
        frame,
        side * (layout.roadHalf + 0.4),
        first,
        side < 0 ? random.range(0.28, 0.38) : random.range(0.62, 0.72),
      ),
    setup(scene: StreetScene): void {
      x = side * (scene.layout.roadHalf + 0.4);
      const headX = x - side * 1.55;
      if (!night) {
        return;
      }
      scene.groundLight = (gx, gz) => {
        let light = 0;
        for (let k = 1; k < count; k++) {
          const dz = gz - lamps[k];
          const dx = gx - headX;
          light += Math.exp(-(dx * dx + dz * dz) / 40);
        }
        return light * 1.6;
      };
    },
    draw(scene: StreetScene): void {
      for (let k = count - 1; k >= 0; k--) {
        drawLampPost(scene, x, lamps[k], k === 0 ? 'broken' : night ? 'lit' : 'dark', k === 0 ? lean : 0);
      }
    },
  };
}
