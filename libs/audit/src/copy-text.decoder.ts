const BACKSLASH = 0x5c;
const TAB = 0x09;
const NEWLINE = 0x0a;
// COPY … TO STDOUT (text format) escapes these inside a value; a raw tab separates columns, a raw newline ends the row.
const ESCAPES: Record<number, number> = {
  0x5c: BACKSLASH,
  0x6e: NEWLINE,
  0x72: 0x0d,
  0x74: TAB,
  0x62: 0x08,
  0x66: 0x0c,
  0x76: 0x0b,
};

/**
 * Splits the text-format output of `COPY (SELECT col1, col2, …) TO STDOUT` into one byte stream per
 * column: each value unescaped and followed by a newline. One query can so produce several files in
 * a single pass over the data. Works on raw buffers with indexOf (no strings, no per-byte loop in
 * JavaScript); escapes and UTF-8 sequences may be split across chunks. Output is gathered in blocks
 * of `blockSize` bytes: few large writes downstream, and no more Buffer allocations than output bytes
 * (external memory churn is what drives full garbage collections of the host process's heap).
 */
export class CopyTextDecoder {
  rows = 0;
  private column = 0;
  private pendingBackslash = false;
  private readonly blocks: Buffer[];
  private readonly used: number[];
  private ready: Buffer[][];

  constructor(
    private readonly columns = 1,
    private readonly blockSize = 512 * 1024,
  ) {
    this.blocks = Array.from({ length: columns }, () => Buffer.allocUnsafe(blockSize));
    this.used = new Array<number>(columns).fill(0);
    this.ready = Array.from({ length: columns }, () => []);
  }

  /** Decodes a chunk; returns the blocks it filled, per column (often none). */
  decode(chunk: Buffer): Buffer[][] {
    let at = 0;
    if (this.pendingBackslash && chunk.length > 0) {
      this.putByte(this.column, unescape(chunk[0]));
      this.pendingBackslash = false;
      at = 1;
    }
    let backslash = chunk.indexOf(BACKSLASH, at);
    let tab = this.columns > 1 ? chunk.indexOf(TAB, at) : -1;
    let newline = chunk.indexOf(NEWLINE, at);
    while (at < chunk.length) {
      const next = nearest(backslash, tab, newline);
      const column = this.column;
      if (next === -1) {
        this.put(column, chunk, at, chunk.length);
        break;
      }
      this.put(column, chunk, at, next);
      if (next === backslash) {
        if (next + 1 === chunk.length) {
          this.pendingBackslash = true;
          break;
        }
        this.putByte(column, unescape(chunk[next + 1]));
        at = next + 2;
        backslash = chunk.indexOf(BACKSLASH, at);
        continue;
      }
      this.putByte(column, NEWLINE);
      at = next + 1;
      if (next === tab) {
        if (column + 1 >= this.columns) {
          throw new Error(`COPY row has more than ${this.columns} columns`);
        }
        this.column++;
        tab = chunk.indexOf(TAB, at);
      } else {
        if (column + 1 !== this.columns) {
          throw new Error(`COPY row has ${column + 1} columns, expected ${this.columns}`);
        }
        this.column = 0;
        this.rows++;
        newline = chunk.indexOf(NEWLINE, at);
      }
    }
    const ready = this.ready;
    this.ready = Array.from({ length: this.columns }, () => []);
    return ready;
  }

  /** Throws when the output ended in the middle of a row or an escape; otherwise returns the last, partial blocks. */
  end(): Buffer[] {
    if (this.pendingBackslash) {
      throw new Error('COPY output ended inside an escape sequence');
    }
    if (this.column !== 0) {
      throw new Error('COPY output ended inside a row');
    }
    return this.blocks.map((block, column) => block.subarray(0, this.used[column]));
  }

  private put(column: number, source: Buffer, start: number, end: number): void {
    while (start < end) {
      const copied = source.copy(this.blocks[column], this.used[column], start, end);
      this.used[column] += copied;
      start += copied;
      if (this.used[column] === this.blockSize) {
        this.nextBlock(column);
      }
    }
  }

  private putByte(column: number, byte: number): void {
    this.blocks[column][this.used[column]++] = byte;
    if (this.used[column] === this.blockSize) {
      this.nextBlock(column);
    }
  }

  private nextBlock(column: number): void {
    this.ready[column].push(this.blocks[column]);
    this.blocks[column] = Buffer.allocUnsafe(this.blockSize);
    this.used[column] = 0;
  }
}

/** The smallest of three indexOf results that is not -1 (or -1). */
function nearest(a: number, b: number, c: number): number {
  let min = a;
  if (b !== -1 && (min === -1 || b < min)) {
    min = b;
  }
  if (c !== -1 && (min === -1 || c < min)) {
    min = c;
  }
  return min;
}

function unescape(code: number): number {
  const value = ESCAPES[code];
  if (value === undefined) {
    throw new Error(`Unexpected COPY escape \\${String.fromCharCode(code)}`);
  }
  return value;
}
