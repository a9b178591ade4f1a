import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { ExportManifest } from './export-manifest';
import { MANIFEST_FILE, SIGNATURE_FILE } from './export-manifest';
import type { SigningKeyService } from './signing-key.service';
import type { ZipArchiveWriter } from './zip-archive.writer';
import type { WrittenZipEntry } from './zip-entry.writer';

/** A file on disk (a stored media file) as a stored ZIP entry: its CRC-32 is read first, the bytes are copied when the ZIP is written. */
export async function storedFileEntry(name: string, sha256: string, path: string): Promise<WrittenZipEntry> {
  let crc = 0;
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    crc = crc32(chunk as Buffer, crc);
    size += (chunk as Buffer).length;
  }
  return { sha256, size, entry: { name, method: 0, crc32: crc, size, compressedSize: size, data: path } };
}

/**
 * Writes the ZIP of every bundle (audit exports, contact data exports): every file, then the manifest
 * listing them with their SHA-256 and its Ed25519 signature. Returns the manifest's SHA-256.
 */
export async function sealBundle(
  zip: ZipArchiveWriter,
  signingKey: SigningKeyService,
  entries: WrittenZipEntry[],
  manifest: Omit<ExportManifest, 'files' | 'signature'>,
): Promise<string> {
  const full: ExportManifest = {
    ...manifest,
    files: entries.map(({ entry, sha256, size }) => ({ path: entry.name, sha256, size })),
    signature: { algorithm: 'Ed25519', publicKeyFingerprint: await signingKey.fingerprint(), file: SIGNATURE_FILE },
  };
  const manifestBytes = Buffer.from(JSON.stringify(full, null, 2), 'utf8');
  const signature = await signingKey.sign(manifestBytes);
  for (const { entry } of entries) {
    await zip.add(entry);
  }
  await zip.addBuffer(MANIFEST_FILE, manifestBytes);
  await zip.addBuffer(SIGNATURE_FILE, Buffer.from(`${signature.toString('base64')}\n`), true);
  await zip.close();
  return createHash('sha256').update(manifestBytes).digest('hex');
}
