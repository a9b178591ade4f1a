import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { MEDIA_DERIVATIVE_SUFFIXES } from '@civic/media';

/** Deletes the stored media files that anonymization left without a reference. */
@Injectable()
export class RetentionMediaCleaner {
  private readonly mediaRoot: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.mediaRoot = resolve(config.mediaDir);
  }

  /**
   * After commit: stored files (content-addressed, shared by every message and organization with the
   * same bytes) are deleted only when no message refers to them any more, together with the copies
   * made of a photo (thumbnail, display copy). Counts originals.
   */
  async deleteUnreferencedMedia(shas: string[]): Promise<number> {
    const valid = shas.filter((sha) => /^[0-9a-f]{64}$/.test(sha));
    if (valid.length === 0) {
      return 0;
    }
    const kept: Array<{ sha256: string }> = await this.dataSource.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS sha256 FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e
       WHERE e->>'mediaAssetId' = ANY($1::text[])
       UNION SELECT DISTINCT p->>'mediaAssetId' FROM civic_case k CROSS JOIN LATERAL jsonb_array_elements(k.photos) p
       WHERE p->>'mediaAssetId' = ANY($1::text[])`,
      [valid],
    );
    const keep = new Set(kept.map((row) => row.sha256));
    let deleted = 0;
    for (const sha of valid) {
      if (keep.has(sha)) {
        continue;
      }
      const original = join(this.mediaRoot, sha.slice(0, 2), sha);
      if (await removeIfPresent(original)) {
        deleted++;
      }
      for (const suffix of Object.values(MEDIA_DERIVATIVE_SUFFIXES)) {
        await removeIfPresent(`${original}${suffix}`);
      }
    }
    return deleted;
  }
}

async function removeIfPresent(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
    return false;
  }
}
