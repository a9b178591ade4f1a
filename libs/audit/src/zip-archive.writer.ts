import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/** One ZIP entry whose bytes are ready: CRC and sizes known, data already compressed (or stored). */
export interface ZipEntrySource {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: 0 | 8;
  crc32: number;
  size: number;
  compressedSize: number;
  /** The (compressed) entry data: a file to copy, or the bytes themselves. */
  data: string | Buffer;
}

interface Written {
  source: ZipEntrySource;
  offset: number;
}

const MAX32 = 0xffffffff;
const UTF8_NAMES = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 45;

/**
 * A ZIP writer for entries whose CRC and sizes are known before their data is written (compressed
 * while the export streamed, see ZipEntryWriter): no data descriptors, ZIP64 fields only where a size
 * or offset needs them, back-pressure honoured on the output. yazl computes CRC-32 in JavaScript,
 * which cost more than PostgreSQL's formatting on a million messages; here it is zlib's, computed
 * in the same pass as the SHA-256.
 */
export class ZipArchiveWriter {
  private readonly out: WriteStream;
  private readonly written: Written[] = [];
  private offset = 0;
  private readonly modified = dosDateTime(new Date());

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  /** A small entry from memory (manifest, signature), deflated unless `store`. */
  async addBuffer(name: string, bytes: Buffer, store = false): Promise<void> {
    const data = store ? bytes : deflateRawSync(bytes);
    await this.add({
      name,
      method: store ? 0 : 8,
      crc32: crc32(bytes),
      size: bytes.length,
      compressedSize: data.length,
      data,
    });
  }

  async add(source: ZipEntrySource): Promise<void> {
    const name = Buffer.from(source.name, 'utf8');
    const zip64 = source.size >= MAX32 || source.compressedSize >= MAX32;
    const extra = zip64 ? zip64Extra([source.size, source.compressedSize]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(source.method, 8);
    header.writeUInt16LE(this.modified.time, 10);
    header.writeUInt16LE(this.modified.date, 12);
    header.writeUInt32LE(source.crc32 >>> 0, 14);
    header.writeUInt32LE(zip64 ? MAX32 : source.compressedSize, 18);
    header.writeUInt32LE(zip64 ? MAX32 : source.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    this.written.push({ source, offset: this.offset });
    await this.write(Buffer.concat([header, name, extra]));
    let copied = 0;
    if (typeof source.data === 'string') {
      for await (const chunk of createReadStream(source.data, { highWaterMark: 1 << 20 })) {
        copied += (chunk as Buffer).length;
        await this.write(chunk as Buffer);
      }
    } else {
      copied = source.data.length;
      await this.write(source.data);
    }
    if (copied !== source.compressedSize) {
      throw new Error(`ZIP entry ${source.name}: ${copied} bytes of data, ${source.compressedSize} announced`);
    }
  }

  /** Writes the central directory and closes the file; returns the archive's size in bytes. */
  async close(): Promise<number> {
    const start = this.offset;
    for (const { source, offset } of this.written) {
      const name = Buffer.from(source.name, 'utf8');
      // Only the fields that overflow go to the ZIP64 extra field, in this order.
      const big = [source.size, source.compressedSize, offset].map((value) => value >= MAX32);
      const extra = big.some(Boolean)
        ? zip64Extra([source.size, source.compressedSize, offset].filter((_, i) => big[i]))
        : Buffer.alloc(0);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(MADE_BY_UNIX, 4);
      header.writeUInt16LE(extra.length > 0 ? 45 : 20, 6);
      header.writeUInt16LE(UTF8_NAMES, 8);
      header.writeUInt16LE(source.method, 10);
      header.writeUInt16LE(this.modified.time, 12);
      header.writeUInt16LE(this.modified.date, 14);
      header.writeUInt32LE(source.crc32 >>> 0, 16);
      header.writeUInt32LE(big[1] ? MAX32 : source.compressedSize, 20);
      header.writeUInt32LE(big[0] ? MAX32 : source.size, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt16LE(extra.length, 30);
      header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      header.writeUInt32LE(big[2] ? MAX32 : offset, 42);
      await this.write(Buffer.concat([header, name, extra]));
    }
    const size = this.offset - start;
    const count = this.written.length;
    if (count >= 0xffff || size >= MAX32 || start >= MAX32) {
      const end64 = Buffer.alloc(56 + 20);
      end64.writeUInt32LE(0x06064b50, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(MADE_BY_UNIX, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(size), 40);
      end64.writeBigUInt64LE(BigInt(start), 48);
      // Locator: where the ZIP64 end record starts, one disk in all.
      end64.writeUInt32LE(0x07064b50, 56);
      end64.writeBigUInt64LE(BigInt(this.offset), 64);
      end64.writeUInt32LE(1, 72);
      await this.write(end64);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    await this.write(end);
    this.out.end();
    await once(this.out, 'finish');
    return this.offset;
  }

  /** Stops writing after a failure and waits until the file is closed; the caller removes it. */
  async abort(): Promise<void> {
    if (this.out.closed) {
      return;
    }
    const closed = once(this.out, 'close').catch(() => undefined);
    this.out.destroy();
    await closed;
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) {
      await once(this.out, 'drain');
    }
  }
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + values.length * 8);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(values.length * 8, 2);
  values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + index * 8));
  return extra;
}

/** MS-DOS date and time fields (local time, 2-second resolution) as ZIP stores them. */
function dosDateTime(at: Date): { date: number; time: number } {
  return {
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
  };
}
