import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ZipArchiveWriter } from './zip-archive.writer';
import { ZipEntryWriter } from './zip-entry.writer';

/**
 * Every entry of a ZIP as yauzl (the verifier's reader) sees it, with CRC-32 checked while reading.
 * Only entries `read` picks are opened (the others map to an empty buffer): opening 65,540 entries
 * one by one took 11 s alone and over 60 s on a loaded CI machine.
 */
async function readZip(path: string, read: (name: string) => boolean = () => true): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true }, (error, z) =>
      error ? reject(error) : resolve(z!),
    ),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!read(entry.fileName)) {
        files.set(entry.fileName, Buffer.alloc(0));
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          return reject(error);
        }
        const chunks: Buffer[] = [];
        (stream as Readable)
          .on('data', (chunk: Buffer) => chunks.push(chunk))
          .on('error', reject)
          .on('end', () => {
            const data = Buffer.concat(chunks);
            if (crc32(data) !== entry.crc32) {
              return reject(new Error(`CRC mismatch in ${entry.fileName}`));
            }
            files.set(entry.fileName, data);
            zip.readEntry();
          });
      });
    });
    zip.on('end', resolve).on('error', reject);
    zip.readEntry();
  });
  return files;
}

describe('ZipArchiveWriter', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'civic-zip-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes deflated and stored entries, from work files and from memory, that read back byte for byte', async () => {
    const text = Buffer.from('{"metin":"Çöp toplanmadı; ığdır İzmir ÇĞİÖŞÜ"}\n'.repeat(5000), 'utf8');
    const deflated = new ZipEntryWriter('messages.ndjson', join(dir, 'n.deflate'), 1);
    for (let at = 0; at < text.length; at += 7000) {
      await deflated.write(text.subarray(at, at + 7000));
    }
    const written = await deflated.close();
    expect(written.size).toBe(text.length);
    expect(written.entry.compressedSize).toBeLessThan(text.length / 5);
    const pdf = Buffer.from('%PDF-1.3 şimdilik sahte içerik');
    const stored = new ZipEntryWriter('transcripts/a.pdf', join(dir, 'a.pdf'), 0);
    await stored.write(pdf);
    const storedEntry = await stored.close();
    expect(storedEntry.entry).toMatchObject({ method: 0, size: pdf.length, compressedSize: pdf.length });

    const zip = new ZipArchiveWriter(join(dir, 'bundle.zip'));
    await zip.add(written.entry);
    await zip.add(storedEntry.entry);
    await zip.addBuffer('manifest.json', Buffer.from('{"dosyalar":"ı"}'));
    await zip.addBuffer('manifest.sig', Buffer.from('imza\n'), true);
    const size = await zip.close();
    expect(readFileSync(join(dir, 'bundle.zip')).length).toBe(size);
    const files = await readZip(join(dir, 'bundle.zip'));
    expect([...files.keys()]).toEqual(['messages.ndjson', 'transcripts/a.pdf', 'manifest.json', 'manifest.sig']);
    expect(files.get('messages.ndjson')!.equals(text)).toBe(true);
    expect(files.get('transcripts/a.pdf')!.equals(pdf)).toBe(true);
    expect(files.get('manifest.json')!.toString('utf8')).toBe('{"dosyalar":"ı"}');
  });

  it('refuses an entry whose data does not match its announced size', async () => {
    const zip = new ZipArchiveWriter(join(dir, 'bad.zip'));
    await expect(
      zip.add({ name: 'x', method: 0, crc32: 0, size: 3, compressedSize: 3, data: Buffer.from('ab') }),
    ).rejects.toThrow('2 bytes of data, 3 announced');
    await zip.abort();
  });

  it('switches to the ZIP64 end record beyond 65,534 entries', async () => {
    const zip = new ZipArchiveWriter(join(dir, 'many.zip'));
    for (let i = 0; i < 65_540; i++) {
      await zip.addBuffer(`m/${i}`, Buffer.from(String(i)), true);
    }
    await zip.close();
    const files = await readZip(join(dir, 'many.zip'), (name) => name === 'm/65539');
    expect(files.size).toBe(65_540);
    expect(files.get('m/65539')!.toString()).toBe('65539');
  }, 120_000);
});
