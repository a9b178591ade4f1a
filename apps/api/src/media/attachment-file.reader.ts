import { stat } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Repository } from 'typeorm';
import { Message } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { isDerivableImage, MediaDerivativeKind, MediaImageDeriver, MediaStore } from '@civic/media';

/** Types a browser may show in the page or a tab; anything else (HTML, SVG …) is downloaded, never rendered on our origin. */
const INLINE_TYPE = /^(image\/(jpeg|png|gif|webp|heic)|video\/[\w.+-]+|audio\/[\w.+-]+|application\/pdf)$/;

export interface AttachmentRef {
  organizationId: string;
  messageId: string;
  index: number;
}

/** Which copy of a photo to serve: the display copy (default) or the thumbnail. Other files have one copy. */
export type AttachmentSize = 'display' | 'thumb';

const DERIVED_TYPE: Record<MediaDerivativeKind, string> = {
  [MediaDerivativeKind.Display]: 'image/jpeg',
  [MediaDerivativeKind.Thumbnail]: 'image/webp',
};

/**
 * The stored copy of one attachment, answered with safe headers; shared by the bearer route and
 * signed links. Sent with byte ranges (206), so a video or voice message can be sought in the page.
 * A photo is never served as stored: its display copy or thumbnail goes instead (upright, no EXIF:
 * no device, no GPS position). Photos stored before those copies existed get them here, on first
 * request (lazy backfill); the original stays on disk for the audit export.
 */
@Injectable()
export class AttachmentFileReader {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly store: MediaStore,
    private readonly deriver: MediaImageDeriver,
  ) {}

  /** The message's channel account, to check grants; null when the organization has no such message. */
  async accountOf(ref: Pick<AttachmentRef, 'organizationId' | 'messageId'>): Promise<string | null> {
    const message = await this.messages.findOne({
      where: { id: ref.messageId, organizationId: ref.organizationId },
      select: ['id', 'channelAccountId'],
    });
    return message?.channelAccountId ?? null;
  }

  async send(ref: AttachmentRef, res: Response, cacheControl: string, size: AttachmentSize = 'display'): Promise<void> {
    const { messageId, index } = ref;
    const message = await this.messages.findOne({
      where: { id: messageId, organizationId: ref.organizationId },
      select: ['id', 'attachments'],
    });
    const attachment = message?.attachments?.[index];
    if (!attachment) {
      throw new DomainError(ErrorCode.AttachmentNotFound, { messageId, index });
    }
    if (!attachment.storageKey) {
      throw new DomainError(ErrorCode.AttachmentNotStored, {
        messageId,
        index,
        state: attachment.downloadState ?? 'no media',
      });
    }
    let path = this.store.pathOrNull(attachment.storageKey);
    let bytes = path ? await fileSize(path) : null;
    if (!path || bytes === null) {
      throw new DomainError(ErrorCode.AttachmentMissingOnDisk, { messageId, index });
    }
    let type = attachment.mimeType ?? 'application/octet-stream';
    let fileName = attachment.fileName ?? null;
    if (isDerivableImage(attachment.mimeType)) {
      const kind = size === 'thumb' ? MediaDerivativeKind.Thumbnail : MediaDerivativeKind.Display;
      const sha256 = attachment.storageKey.slice(3);
      try {
        await this.deriver.ensure(sha256);
      } catch {
        throw new DomainError(ErrorCode.AttachmentImageUnreadable, { messageId, index });
      }
      path = this.store.derivativePath(sha256, kind);
      bytes = await fileSize(path);
      if (bytes === null) {
        throw new DomainError(ErrorCode.AttachmentMissingOnDisk, { messageId, index });
      }
      type = DERIVED_TYPE[kind];
      fileName = fileName ? fileName.replace(/(\.[^./]{1,8})?$/, kind === MediaDerivativeKind.Display ? '.jpg' : '.webp') : null;
    }
    const servedPath = path;
    const servedBytes = bytes;
    const inline = INLINE_TYPE.test(type);
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': cacheControl };
    if (!inline) {
      // Opened in a tab, a citizen's HTML or SVG would run as our origin: no scripts, no rendering.
      headers['Content-Security-Policy'] = "default-src 'none'; sandbox";
    }
    const name = fileName ? `; filename*=UTF-8''${encodeURIComponent(fileName)}` : '';
    if (name || !inline) {
      headers['Content-Disposition'] = `${inline ? 'inline' : 'attachment'}${name}`;
    }
    // Express's send: Range and If-Range, 206/416, HEAD; the headers above win over its defaults.
    await new Promise<void>((resolve, reject) =>
      res.sendFile(
        servedPath,
        { headers, acceptRanges: true, cacheControl: false, lastModified: false, etag: false, dotfiles: 'allow' },
        (error?: Error & { status?: number }) => {
          if (!error || res.headersSent) {
            resolve();
          } else if (error.status === 416) {
            res.status(416).setHeader('Content-Range', `bytes */${servedBytes}`).end();
            resolve();
          } else {
            reject(error);
          }
        },
      ),
    );
  }
}

async function fileSize(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
}
