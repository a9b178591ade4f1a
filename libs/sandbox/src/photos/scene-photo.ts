import { brokenPavementRecipe } from './broken-pavement.recipe';
import { brokenStreetLampRecipe } from './broken-street-lamp.recipe';
import { fallenTreeRecipe } from './fallen-tree.recipe';
import { floodedStreetRecipe } from './flooded-street.recipe';
import { overflowingBinRecipe } from './overflowing-bin.recipe';
import { PhotoRandom } from './photo-random';
import { potholeRecipe } from './pothole.recipe';
import { Raster } from './raster';
import { lighting } from './scene-lighting';
import type { SceneRecipe } from './scene-recipe';
import { StreetCamera } from './street-camera';
import { streetLayout } from './street-layout';
import { StreetScene } from './street-scene';

/** What citizens photograph and send: each kind is drawn as a street photo of the problem. */
export const SCENE_PHOTO_KINDS = [
  'pothole',
  'overflowing-bin',
  'broken-street-lamp',
  'fallen-tree',
  'flooded-street',
  'broken-pavement',
] as const;
export type ScenePhotoKind = (typeof SCENE_PHOTO_KINDS)[number];

export interface ScenePhoto {
  bytes: Buffer;
  mimeType: 'image/jpeg';
}

// 640×480 keeps drawing and encoding within the time budget; the inbox shows photos smaller anyway.
export const SCENE_PHOTO_WIDTH = 640;
export const SCENE_PHOTO_HEIGHT = 480;
const QUALITY = 80;

const RECIPES: Record<ScenePhotoKind, (random: PhotoRandom) => SceneRecipe> = {
  pothole: potholeRecipe,
  'overflowing-bin': overflowingBinRecipe,
  'broken-street-lamp': brokenStreetLampRecipe,
  'fallen-tree': fallenTreeRecipe,
  'flooded-street': floodedStreetRecipe,
  'broken-pavement': brokenPavementRecipe,
};

// Recent photos by kind and seed: the same photo asked for again (a demo replaying scenes) costs nothing.
const CACHE_SIZE = 24;
const cache = new Map<string, Buffer>();

/**
 * A generated, real-looking phone photo of a street problem, the same bytes for the same kind and
 * seed: sky, apartment blocks, road and pavement in perspective, the subject, lens softness and grain.
 */
export function scenePhoto(kind: ScenePhotoKind, seed: number): ScenePhoto {
  const key = `${kind}:${seed}`;
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = drawScenePhoto(kind, seed);
    cache.set(key, bytes);
    if (cache.size > CACHE_SIZE) {
      cache.delete(cache.keys().next().value as string);
    }
  }
  // A copy: callers may keep or change their bytes without touching the cached photo.
  return { bytes: Buffer.from(bytes), mimeType: 'image/jpeg' };
}

/** Draws and encodes the photo, without the cache. */
export function drawScenePhoto(kind: ScenePhotoKind, seed: number): Buffer {
  const make = RECIPES[kind];
  if (!make) {
    throw new Error(`Unknown scene photo kind "${String(kind)}"; one of: ${SCENE_PHOTO_KINDS.join(', ')}`);
  }
  const random = new PhotoRandom(SCENE_PHOTO_KINDS.indexOf(kind) + 1, seed);
  const recipe = make(random);
  const width = SCENE_PHOTO_WIDTH;
  const height = SCENE_PHOTO_HEIGHT;
  const layout = streetLayout(random, recipe.layout?.(random));
  const frame = { width, focal: width * random.range(0.78, 0.95), vanishX: width * random.range(0.34, 0.66) };
  const camera = new StreetCamera(
    width,
    height,
    frame.focal,
    random.range(1.45, 1.7),
    frame.vanishX,
    height * random.range(recipe.horizon[0], recipe.horizon[1]),
    random.range(-0.04, 0.04),
    recipe.stand?.(layout, frame) ?? random.range(-1, 1),
  );
  const light = lighting(random.pick(recipe.lightings), random.chance(0.5) ? -1 : 1);
  const scene = new StreetScene(new Raster(width, height), camera, layout, light, random);
  recipe.setup(scene);
  scene.render();
  recipe.draw(scene);
  return scene.raster.toJpeg(QUALITY, random.int(0, 1 << 20));
}
