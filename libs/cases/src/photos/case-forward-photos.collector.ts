import { stat } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { describeError } from '@civic/database';
import { isDerivableImage, MediaDerivativeKind, MediaImageDeriver, MediaStore } from '@civic/media';

/** One photo as it leaves for an external body: the display copy (JPEG, upright, no EXIF). */
export interface ForwardPhotoFile {
  filename: string;
  path: string;
  contentType: 'image/jpeg';
  size: number;
  caption: string | null;
}

/**
 * The case's photos for a forward to an external body (e-mail attachments, webhook body): never
 * the stored original, whose EXIF names the phone and often where it stood, but its display copy,
 * made now if it was not yet. Images only, in the case's order, up to `maxBytes`; `total` counts
 * every image, so the text can say how many were left out (not downloaded yet, missing, unreadable
 * or over the size limit).
 */
@Injectable()
export class CaseForwardPhotoCollector {
  private readonly logger = new Logger(CaseForwardPhotoCollector.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly media: MediaStore,
    private readonly deriver: MediaImageDeriver,
  ) {}

  async collect(
    caseId: string,
    organizationId: string,
    maxBytes: number,
  ): Promise<{ files: ForwardPhotoFile[]; total: number }> {
    const rows: {
      attachment: { storageKey?: string; mimeType?: string | null; caption?: string | null } | null;
    }[] = await this.dataSource.query(
      `SELECT m.attachments -> (p.photo->>'attachmentIndex')::int AS attachment
         FROM civic_case c
         CROSS JOIN LATERAL jsonb_array_elements(c.photos) WITH ORDINALITY AS p(photo, ord)
         LEFT JOIN message m ON m.id = (p.photo->>'messageId')::uuid AND m.organization_id = c.organization_id
        WHERE c.id = $1 AND c.organization_id = $2 AND p.photo->>'type' = 'image'
        ORDER BY p.ord`,
      [caseId, organizationId],
    );
    const files: ForwardPhotoFile[] = [];
    let bytes = 0;
    for (const { attachment } of rows) {
      const path = await this.displayCopy(attachment);
      const size = path ? await fileSize(path) : null;
      if (!path || size === null || bytes + size > maxBytes) {
        continue;
      }
      bytes += size;
      files.push({
        filename: `fotograf-${files.length + 1}.jpg`,
        path,
        contentType: 'image/jpeg',
        size,
        caption: attachment?.caption ?? null,
      });
    }
    return { files, total: rows.length };
  }

  private async displayCopy(
    attachment: { storageKey?: string; mimeType?: string | null } | null,
  ): Promise<string | null> {
    const original = attachment?.storageKey ? this.media.pathOrNull(attachment.storageKey) : null;
    if (!original || !isDerivableImage(attachment?.mimeType ?? 'image/jpeg') || (await fileSize(original)) === null) {
      return null;
    }
    const sha256 = attachment!.storageKey!.slice(3);
    try {
      await this.deriver.ensure(sha256);
      return this.media.derivativePath(sha256, MediaDerivativeKind.Display);
    } catch (error) {
      // Never the original instead: it may carry the citizen's position.
      this.logger.warn(`Photo ${sha256.slice(0, 12)}… left out of a forward: ${describeError(error)}`);
      return null;
    }
  }
}

async function fileSize(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
}
