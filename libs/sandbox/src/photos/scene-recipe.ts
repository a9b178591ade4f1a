import type { PhotoRandom } from './photo-random';
import type { LightingName } from './scene-lighting';
import type { StreetLayout } from './street-layout';
import type { StreetScene } from './street-scene';

/** The lens and framing, chosen before the photographer's place: enough to put the subject in frame. */
export interface Frame {
  width: number;
  focal: number;
  vanishX: number;
}

/** Where on the street (metres) a photographer at `stand` must stand for (x, z) to appear at `aim` of the width. */
export function standFor(frame: Frame, x: number, z: number, aim: number): number {
  return x - ((frame.width * aim - frame.vanishX) * z) / frame.focal;
}

/** How one kind of photo is taken: its light, framing and street, and the subject in it. */
export interface SceneRecipe {
  lightings: readonly LightingName[];
  /** The horizon's height as a fraction of the frame (a lower camera pitch shows more ground). */
  horizon: readonly [number, number];
  layout?: (random: PhotoRandom) => Partial<StreetLayout>;
  /** Where the photographer stands across the street (metres from the road's middle); default the road. */
  stand?: (layout: StreetLayout, frame: Frame) => number;
  /** Before the street is cast: place the subject, hook its ground paint. */
  setup(scene: StreetScene): void;
  /** After: draw what stands on the street. */
  draw(scene: StreetScene): void;
}
