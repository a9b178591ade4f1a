import { decode } from 'jpeg-js';
import { drawScenePhoto, SCENE_PHOTO_HEIGHT, SCENE_PHOTO_KINDS, SCENE_PHOTO_WIDTH, scenePhoto } from './scene-photo';
import type { ScenePhotoKind } from './scene-photo';

/** Width and height from the JPEG's start-of-frame segment, as a browser reads them. */
function frameSize(bytes: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('no start-of-frame segment');
}

describe('scenePhoto', () => {
  it.each(SCENE_PHOTO_KINDS)('%s: a baseline JPEG of the stated size that decodes to a varied picture', (kind) => {
    const photo = scenePhoto(kind, 7);
    expect(photo.mimeType).toBe('image/jpeg');
    expect([...photo.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...photo.bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(frameSize(photo.bytes)).toEqual({ width: SCENE_PHOTO_WIDTH, height: SCENE_PHOTO_HEIGHT });
    const image = decode(photo.bytes, { useTArray: true });
    expect({ width: image.width, height: image.height }).toEqual({
      width: SCENE_PHOTO_WIDTH,
      height: SCENE_PHOTO_HEIGHT,
    });
    // A photo, not a flat placeholder: brightness spreads over a wide range.
    let min = 255;
    let max = 0;
    for (let i = 0; i < image.data.length; i += 4 * 97) {
      const luma = (image.data[i] + image.data[i + 1] + image.data[i + 2]) / 3;
      min = Math.min(min, luma);
      max = Math.max(max, luma);
    }
    expect(max - min).toBeGreaterThan(100);
  });

  it('is deterministic per kind and seed, and differs between seeds and kinds', () => {
    // Drawn twice, not served from the cache the second time.
    const first = drawScenePhoto('pothole', 42);
    expect(drawScenePhoto('pothole', 42).equals(first)).toBe(true);
    expect(drawScenePhoto('pothole', 43).equals(first)).toBe(false);
    const all = SCENE_PHOTO_KINDS.map((kind) => scenePhoto(kind, 42).bytes.toString('base64'));
    expect(new Set(all).size).toBe(SCENE_PHOTO_KINDS.length);
  });

  it('serves a photo asked for again from its cache, as a copy the caller may change', () => {
    const drawn = drawScenePhoto('fallen-tree', 5);
    const first = scenePhoto('fallen-tree', 5).bytes;
    expect(first.equals(drawn)).toBe(true);
    first.fill(0);
    expect(scenePhoto('fallen-tree', 5).bytes.equals(drawn)).toBe(true);
  });

  it('names the kinds it knows when given another', () => {
    expect(() => scenePhoto('stray-dogs' as ScenePhotoKind, 1)).toThrow(/one of: pothole, overflowing-bin/);
  });
});
