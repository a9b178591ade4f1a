import { CopyTextDecoder } from './copy-text.decoder';

async function decode(chunks: Buffer[]): Promise<{ text: string; rows: number }> {
  const decoder = new CopyTextDecoder();
  const out: Buffer[] = [];
  decoder.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => decoder.on('end', resolve).on('error', reject));
  for (const chunk of chunks) decoder.write(chunk);
  decoder.end();
  await ended;
  return { text: Buffer.concat(out).toString('utf8'), rows: decoder.rows };
}

describe('CopyTextDecoder', () => {
  // What PostgreSQL sends for the rows 'a\b' + LF + 'c' + CR + TAB and '{"t":"Çağ\"ı"}'.
  const wire = Buffer.from('a\\\\b\\nc\\r\\t\n{"t":"Çağ\\\\"ı"}\n', 'utf8');
  const expected = 'a\\b\nc\r\t\n{"t":"Çağ\\"ı"}\n';

  it('restores the column values and counts rows', async () => {
    expect(await decode([wire])).toEqual({ text: expected, rows: 2 });
  });

  it('gives the same result whatever the chunk boundaries (escapes and UTF-8 split across chunks)', async () => {
    for (let size = 1; size <= wire.length; size++) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < wire.length; at += size) chunks.push(wire.subarray(at, at + size));
      expect(await decode(chunks)).toEqual({ text: expected, rows: 2 });
    }
  });

  it('refuses an unknown escape and output cut inside an escape', async () => {
    await expect(decode([Buffer.from('a\\x\n')])).rejects.toThrow('Unexpected COPY escape');
    await expect(decode([Buffer.from('a\\')])).rejects.toThrow('ended inside an escape');
  });
});
