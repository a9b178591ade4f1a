import type { IncomingHttpHeaders } from 'node:http';
import { parseMultipart } from '../multipart-body';

/** One upload through X's v2 chunked media endpoints, as the fake saw it. */
export interface FakeTwitterUpload {
  id: string;
  mediaType: string;
  totalBytes: number;
  category: string | null;
  /** The appended bytes, in segment order. */
  bytes: Buffer;
  finalized: boolean;
}

const APPEND = /^\/2\/media\/upload\/(\d+)\/append$/;
const FINALIZE = /^\/2\/media\/upload\/(\d+)\/finalize$/;

/**
 * X's v2 media upload for the fake: `POST /2/media/upload/initialize` (JSON: media_type, total_bytes,
 * media_category), `POST /2/media/upload/{id}/append` (multipart: segment_index, media), `POST
 * /2/media/upload/{id}/finalize`. Answers in X's shapes; a DM may then name the media id.
 */
export class FakeTwitterMedia {
  readonly uploads = new Map<string, FakeTwitterUpload>();

  constructor(private readonly nextId: () => string) {}

  clear(): void {
    this.uploads.clear();
  }

  /** The answer to a media route, or null when the path is not one. */
  route(method: string, path: string, body: unknown, raw: Buffer, headers: IncomingHttpHeaders): unknown {
    if (method !== 'POST') {
      return null;
    }
    if (path === '/2/media/upload/initialize') {
      const init = (body ?? {}) as { media_type?: string; total_bytes?: number; media_category?: string };
      if (!init.media_type || !init.total_bytes) {
        throw new Error('media_type and total_bytes are required');
      }
      const id = this.nextId();
      this.uploads.set(id, {
        id,
        mediaType: init.media_type,
        totalBytes: init.total_bytes,
        category: init.media_category ?? null,
        bytes: Buffer.alloc(0),
        finalized: false,
      });
      return { data: { id, media_key: `3_${id}`, expires_after_secs: 86400 } };
    }
    let match = APPEND.exec(path);
    if (match) {
      const upload = this.uploadOf(match[1]);
      upload.bytes = Buffer.concat([upload.bytes, multipartField(raw, headers['content-type'], 'media')]);
      return {};
    }
    match = FINALIZE.exec(path);
    if (match) {
      const upload = this.uploadOf(match[1]);
      if (upload.bytes.length !== upload.totalBytes) {
        throw new Error(`appended ${upload.bytes.length} bytes, announced ${upload.totalBytes}`);
      }
      upload.finalized = true;
      return {
        data: { id: upload.id, media_key: `3_${upload.id}`, size: upload.totalBytes, expires_after_secs: 86400 },
      };
    }
    return null;
  }

  private uploadOf(id: string): FakeTwitterUpload {
    const upload = this.uploads.get(id);
    if (!upload) {
      throw new Error(`unknown media id ${id}`);
    }
    return upload;
  }
}

/** The bytes of one field of a multipart/form-data body. */
function multipartField(raw: Buffer, contentType: string | undefined, name: string): Buffer {
  const part = parseMultipart(raw, contentType)?.find((p) => p.name === name);
  if (!part) {
    throw new Error(`multipart body has no "${name}" field`);
  }
  return part.bytes;
}
