import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import exifr from 'exifr';
import sharp from 'sharp';
import { MediaDerivativeKind, MediaStore } from './media.store';

/** Long side of a thumbnail, in pixels (a 2× screen shows it at up to 160 px). */
export const THUMBNAIL_SIZE = 320;
/** Long side of the display copy: large enough for a viewer on a big screen, far smaller than a phone's original. */
export const DISPLAY_SIZE = 2048;

/** Image types the deriver reads; anything else is never shown as a picture. */
const DERIVABLE = /^image\/(jpeg|png|webp|gif|heic|heif|avif|tiff)$/;

export const isDerivableImage = (mimeType: string | null | undefined): boolean => !!mimeType && DERIVABLE.test(mimeType);

/** The position a phone wrote into a photo's EXIF (GPS IFD), in decimal degrees. */
export interface ExifPosition {
  latitude: number;
  longitude: number;
}

/** What deriving one stored image produced. */
export interface ImageDerivatives {
  /** Size of the display copy, upright (after EXIF orientation). */
  width: number;
  height: number;
  /** From the original's EXIF; null when it had none (or an impossible one). */
  exifPosition: ExifPosition | null;
  /** Milliseconds spent decoding and encoding both copies. */
  elapsedMs: number;
}

/**
 * Makes, once per stored image, the two copies a browser or an external body is ever given: a
 * thumbnail (WebP, 320 px long side) and a display copy (JPEG, at most 2048 px). Both are turned
 * upright by the EXIF orientation first and carry no metadata at all (sharp writes none unless
 * asked): no device, no GPS position, no ICC profile. They are stored beside the original under
 * its SHA-256 (`ab/<sha>.thumb.webp`, `ab/<sha>.display.jpg`), so the same bytes are derived once
 * whatever messages share them, and erasure finds them by the original's name. The original stays
 * untouched as evidence (audit export).
 */
@Injectable()
export class MediaImageDeriver {
  private readonly logger = new Logger(MediaImageDeriver.name);
  /** One derivation per original at a time in this process (two thumbnails of the same photo on one page). */
  private readonly inFlight = new Map<string, Promise<ImageDerivatives>>();

  constructor(private readonly store: MediaStore) {}

  /** Derives both copies when either is missing; answers the existing ones otherwise. */
  async ensure(sha256: string): Promise<ImageDerivatives | null> {
    const thumb = this.store.derivativePath(sha256, MediaDerivativeKind.Thumbnail);
    const display = this.store.derivativePath(sha256, MediaDerivativeKind.Display);
    if ((await isFile(thumb)) && (await isFile(display))) {
      const meta = await sharp(display).metadata();
      return { width: meta.width ?? 0, height: meta.height ?? 0, exifPosition: null, elapsedMs: 0 };
    }
    return this.derive(sha256);
  }

  /** Reads the original and writes both copies (write then rename: never a half file under the final name). */
  derive(sha256: string): Promise<ImageDerivatives> {
    const running = this.inFlight.get(sha256);
    if (running) {
      return running;
    }
    const work = this.run(sha256).finally(() => this.inFlight.delete(sha256));
    this.inFlight.set(sha256, work);
    return work;
  }

  /** The GPS position in an image's EXIF, or null (no EXIF, no GPS, unreadable, or outside the globe). */
  static async exifPosition(bytes: Buffer): Promise<ExifPosition | null> {
    try {
      const gps = await exifr.gps(bytes);
      const latitude = Number(gps?.latitude);
      const longitude = Number(gps?.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
        return null;
      }
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) {
        return null;
      }
      return { latitude: round(latitude), longitude: round(longitude) };
    } catch {
      return null;
    }
  }

  private async run(sha256: string): Promise<ImageDerivatives> {
    const original = await readFile(this.store.pathOf(`${sha256.slice(0, 2)}/${sha256}`));
    const started = performance.now();
    // failOn 'none': a photo cut short on the way still shows what arrived; animated GIFs give their first frame.
    const display = await sharp(original, { failOn: 'none', limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: DISPLAY_SIZE, height: DISPLAY_SIZE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    // From the display copy: already upright and small, so the original is decoded once.
    const thumb = await sharp(display.data)
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72 })
      .toBuffer();
    const elapsedMs = performance.now() - started;
    await writeAtomically(this.store.derivativePath(sha256, MediaDerivativeKind.Display), display.data);
    await writeAtomically(this.store.derivativePath(sha256, MediaDerivativeKind.Thumbnail), thumb);
    this.logger.debug(`Derived ${sha256.slice(0, 12)}… in ${elapsedMs.toFixed(0)} ms`);
    return {
      width: display.info.width,
      height: display.info.height,
      exifPosition: await MediaImageDeriver.exifPosition(original),
      elapsedMs,
    };
  }
}

/** About 11 cm: more digits than a phone's GPS knows only look precise. */
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}
