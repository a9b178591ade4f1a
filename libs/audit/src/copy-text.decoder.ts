import { Transform, TransformCallback } from 'node:stream';

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
// COPY … TO STDOUT (text format) escapes these; a single-column row has no delimiter to worry about.
const ESCAPES: Record<number, number> = {
  0x5c: BACKSLASH, 0x6e: NEWLINE, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x76: 0x0b,
};

/**
 * Turns the text-format output of a one-column `COPY (SELECT …) TO STDOUT` back into the column values
 * themselves, each followed by the row's newline, and counts the rows. Works on raw buffers (no strings),
 * so a stream of any size passes through in constant memory.
 */
export class CopyTextDecoder extends Transform {
  rows = 0;
  private pendingBackslash = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let length = 0;
    let start = 0;
    if (this.pendingBackslash && chunk.length > 0) {
      out[length++] = this.unescape(chunk[0]);
      start = 1;
      this.pendingBackslash = false;
    }
    let at = start;
    while (at < chunk.length) {
      const next = chunk.indexOf(BACKSLASH, at);
      const end = next === -1 ? chunk.length : next;
      length += chunk.copy(out, length, at, end);
      this.rows += countNewlines(chunk, at, end);
      if (next === -1) break;
      if (next + 1 === chunk.length) {
        this.pendingBackslash = true;
        break;
      }
      out[length++] = this.unescape(chunk[next + 1]);
      at = next + 2;
    }
    done(null, out.subarray(0, length));
  }

  override _flush(done: TransformCallback): void {
    done(this.pendingBackslash ? new Error('COPY output ended inside an escape sequence') : null);
  }

  private unescape(code: number): number {
    const value = ESCAPES[code];
    if (value === undefined) throw new Error(`Unexpected COPY escape \\${String.fromCharCode(code)}`);
    return value;
  }
}

function countNewlines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = buffer.indexOf(NEWLINE, from); at !== -1 && at < to; at = buffer.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
