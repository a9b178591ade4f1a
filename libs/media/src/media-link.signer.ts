import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretsService } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';

/** Where a signed link is served: GET /api/v1/media/:token. */
export const MEDIA_LINK_PREFIX = '/api/v1/media/';

/** Links live 5 to 10 minutes: the expiry is rounded up to the next 5-minute step and one step added. */
const STEP_SECONDS = 300;
const VERSION = 1;
// version (1) | organization uuid (16) | message uuid (16) | attachment index (2) | expiry, unix seconds (4)
const PAYLOAD_BYTES = 39;
const SIGNATURE_BYTES = 32;

export interface MediaLinkTarget {
  organizationId: string;
  messageId: string;
  index: number;
}

export interface VerifiedMediaLink extends MediaLinkTarget {
  expiresAt: Date;
}

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Short-lived links to one stored attachment that a browser can put in <img src> without a bearer
 * header, so no access token lands in a URL (history, proxy logs). The token is opaque: an HMAC over
 * organization, message, attachment index and expiry, with a key derived from the server's signing
 * secret. Only routes that already checked the caller may read the message hand links out. The
 * expiry is stepped so the same attachment keeps the same URL for five minutes: refetching a thread
 * does not make the browser download its photos again.
 */
@Injectable()
export class MediaLinkSigner {
  private readonly key: Buffer;

  constructor(secrets: SecretsService) {
    // A key of its own: a media link can never be mistaken for any other token signed with the secret.
    this.key = createHmac('sha256', secrets.jwtSecret).update('civic-inbox media link v1').digest();
  }

  /** The link's path (/api/v1/media/<token>) and when it stops working. */
  sign(target: MediaLinkTarget, now = Date.now()): { url: string; expiresAt: Date } {
    const expiresSeconds = (Math.ceil(now / 1000 / STEP_SECONDS) + 1) * STEP_SECONDS;
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    payload.writeUInt8(VERSION, 0);
    uuidBytes(target.organizationId).copy(payload, 1);
    uuidBytes(target.messageId).copy(payload, 17);
    payload.writeUInt16BE(target.index, 33);
    payload.writeUInt32BE(expiresSeconds, 35);
    const token = Buffer.concat([payload, this.mac(payload)]).toString('base64url');
    return { url: `${MEDIA_LINK_PREFIX}${token}`, expiresAt: new Date(expiresSeconds * 1000) };
  }

  /** The target of a token signed here and not yet expired; MediaLinkInvalid or MediaLinkExpired otherwise. */
  verify(token: string, now = Date.now()): VerifiedMediaLink {
    const bytes = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
    if (bytes.length !== PAYLOAD_BYTES + SIGNATURE_BYTES) {
      throw new DomainError(ErrorCode.MediaLinkInvalid);
    }
    const payload = bytes.subarray(0, PAYLOAD_BYTES);
    if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), this.mac(payload)) || payload.readUInt8(0) !== VERSION) {
      throw new DomainError(ErrorCode.MediaLinkInvalid);
    }
    const expiresAt = new Date(payload.readUInt32BE(35) * 1000);
    if (expiresAt.getTime() <= now) {
      throw new DomainError(ErrorCode.MediaLinkExpired);
    }
    return {
      organizationId: uuidOf(payload.subarray(1, 17)),
      messageId: uuidOf(payload.subarray(17, 33)),
      index: payload.readUInt16BE(33),
      expiresAt,
    };
  }

  /**
   * Adds `mediaUrl` to every stored attachment (one with `url`) of the thread's messages; the caller
   * has been checked for the conversation. Attachment positions are the ones the bearer route uses.
   */
  withLinks<T>(organizationId: string, items: T[], now = Date.now()): T[] {
    return items.map((item) => {
      const message = item as { type?: string; id?: string; attachments?: { url?: string | null }[] };
      if (message.type !== 'message' || !message.id || !Array.isArray(message.attachments)) {
        return item;
      }
      const messageId = message.id;
      const attachments = message.attachments.map((a, index) => ({
        ...a,
        mediaUrl: a.url ? this.sign({ organizationId, messageId, index }, now).url : null,
      }));
      return { ...item, attachments };
    });
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}
