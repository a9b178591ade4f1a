import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@civic/config';

export interface StoredMedia {
  /** Path relative to MEDIA_DIR: "<first two hex chars>/<sha256>". */
  storageKey: string;
  mimeType: string | null;
  size: number;
  sha256: string;
}

/** The copies made of a stored image (MediaImageDeriver): what a browser or an external body is given. */
export enum MediaDerivativeKind {
  Thumbnail = 'thumb',
  Display = 'display',
}

/** File name endings of the derived copies, beside the original `ab/<sha256>`. */
export const MEDIA_DERIVATIVE_SUFFIXES: Record<MediaDerivativeKind, string> = {
  [MediaDerivativeKind.Thumbnail]: '.thumb.webp',
  [MediaDerivativeKind.Display]: '.display.jpg',
};

/** Content-addressed files under MEDIA_DIR: the same bytes are stored once, whatever message brought them. */
@Injectable()
export class MediaStore {
  readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.mediaDir);
  }

  async put(bytes: Buffer, mimeType: string | null): Promise<StoredMedia> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const target = this.pathOf(storageKey);
    if (!(await exists(target))) {
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      // Write then rename, so a crash never leaves a half file under the final name.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    }
    return { storageKey, mimeType, size: bytes.length, sha256 };
  }

  /** Absolute path of a stored file; refuses keys that would leave MEDIA_DIR. */
  pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) {throw new Error(`Invalid media storage key "${storageKey}"`);}
    const path = resolve(this.root, storageKey);
    if (!path.startsWith(this.root + sep)) {throw new Error(`Invalid media storage key "${storageKey}"`);}
    return path;
  }

  /** Absolute path of a derived copy of the original with this SHA-256 (it may not exist yet). */
  derivativePath(sha256: string, kind: MediaDerivativeKind): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw new Error(`Invalid media sha256 "${sha256}"`);
    }
    return `${this.pathOf(`${sha256.slice(0, 2)}/${sha256}`)}${MEDIA_DERIVATIVE_SUFFIXES[kind]}`;
  }

  /** pathOf, or null for a key that would leave MEDIA_DIR (a tampered row counts as a missing file). */
  pathOrNull(storageKey: string): string | null {
    try {
      return this.pathOf(storageKey);
    } catch {
      return null;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
