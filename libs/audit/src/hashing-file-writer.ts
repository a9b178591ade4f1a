import { createHash, Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { once } from 'node:events';

/** Writes a file (or any stream, e.g. a ZIP entry) while hashing it, honouring back-pressure so memory stays bounded. */
export class HashingFileWriter {
  private readonly stream: Writable;
  private readonly hash: Hash = createHash('sha256');
  private size = 0;

  constructor(target: string | Writable) {
    this.stream = typeof target === 'string' ? createWriteStream(target) : target;
  }

  async write(chunk: string | Buffer): Promise<void> {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(buffer);
    this.size += buffer.length;
    if (!this.stream.write(buffer)) await once(this.stream, 'drain');
  }

  async close(): Promise<{ sha256: string; size: number }> {
    this.stream.end();
    await once(this.stream, 'finish');
    return { sha256: this.hash.digest('hex'), size: this.size };
  }
}
