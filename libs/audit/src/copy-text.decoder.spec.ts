import { CopyTextDecoder } from './copy-text.decoder';

// Small blocks, so that values also cross block boundaries.
function decode(chunks: Buffer[], columns = 1, blockSize = 7): { text: string[]; rows: number } {
  const decoder = new CopyTextDecoder(columns, blockSize);
  const out: Buffer[][] = Array.from({ length: columns }, () => []);
  for (const chunk of chunks) {
    decoder.decode(chunk).forEach((blocks, index) => {
      for (const block of blocks) {
        expect(block.length).toBe(blockSize);
        out[index].push(block);
      }
    });
  }
  decoder.end().forEach((rest, index) => out[index].push(rest));
  return { text: out.map((parts) => Buffer.concat(parts).toString('utf8')), rows: decoder.rows };
}

function split(wire: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < wire.length; at += size) {
    chunks.push(wire.subarray(at, at + size));
  }
  return chunks;
}

describe('CopyTextDecoder', () => {
  // What PostgreSQL sends for the rows 'a\b' + LF + 'c' + CR + TAB and '{"t":"Çağ\"ı"}'.
  const wire = Buffer.from('a\\\\b\\nc\\r\\t\n{"t":"Çağ\\\\"ı"}\n', 'utf8');
  const expected = 'a\\b\nc\r\t\n{"t":"Çağ\\"ı"}\n';
  // Two columns per row (NDJSON line, CSV line), the second with an escaped tab and a line break inside quotes.
  const twoColumns = Buffer.from('{"ş":1}\t"Şükrü\\tÇ\\r\\n",x\\r\n{"ğ":"\\\\n"}\t"İ"\\r\n', 'utf8');
  const expectedColumns = ['{"ş":1}\n{"ğ":"\\n"}\n', '"Şükrü\tÇ\r\n",x\r\n"İ"\r\n'];

  it('restores the column values and counts rows', () => {
    expect(decode([wire])).toEqual({ text: [expected], rows: 2 });
  });

  it('gives the same result whatever the chunk boundaries (escapes and UTF-8 split across chunks)', () => {
    for (let size = 1; size <= wire.length; size++) {
      expect(decode(split(wire, size))).toEqual({ text: [expected], rows: 2 });
    }
  });

  it('splits several columns into one stream each, whatever the chunk and block boundaries', () => {
    for (let size = 1; size <= twoColumns.length; size++) {
      for (const blockSize of [1, 5, 64 * 1024]) {
        expect(decode(split(twoColumns, size), 2, blockSize)).toEqual({ text: expectedColumns, rows: 2 });
      }
    }
  });

  it('refuses an unknown escape, output cut inside an escape or a row, and rows of the wrong width', () => {
    expect(() => decode([Buffer.from('a\\x\n')])).toThrow('Unexpected COPY escape');
    expect(() => decode([Buffer.from('a\\')])).toThrow('ended inside an escape');
    expect(() => decode([Buffer.from('a\tb')], 2)).toThrow('ended inside a row');
    expect(() => decode([Buffer.from('a\tb\tc\n')], 2)).toThrow('more than 2 columns');
    expect(() => decode([Buffer.from('a\n')], 2)).toThrow('expected 2');
  });
});
