import { createHash, createPublicKey, verify } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ExportManifest } from './export-manifest';
import { MANIFEST_FILE, SIGNATURE_FILE } from './export-manifest';
import { publicKeyFingerprint } from './public-key-fingerprint';

export interface BundleProblem {
  file: string;
  reason: string;
}

export interface BundleReport {
  ok: boolean;
  checkedFiles: number;
  problems: BundleProblem[];
  manifest: ExportManifest | null;
}

/**
 * Checks an export ZIP offline: the manifest's Ed25519 signature against the given public key, then
 * every file's SHA-256 against the manifest, naming each file that does not match.
 */
export class ExportBundleVerifier {
  constructor(private readonly publicKeyPem: string) {}

  async verify(zipPath: string): Promise<BundleReport> {
    const zip = await openZip(zipPath);
    const problems: BundleProblem[] = [];
    const hashes = new Map<string, { sha256: string; size: number }>();
    let manifestBytes: Buffer | null = null;
    let signature: Buffer | null = null;
    try {
      for await (const entry of entries(zip)) {
        if (entry.fileName.endsWith('/')) {
          continue;
        }
        try {
          if (entry.fileName === MANIFEST_FILE) {
            manifestBytes = await readAll(await openEntry(zip, entry));
          } else if (entry.fileName === SIGNATURE_FILE) {
            signature = Buffer.from((await readAll(await openEntry(zip, entry))).toString('utf8').trim(), 'base64');
          } else {
            hashes.set(entry.fileName, await hashStream(await openEntry(zip, entry)));
          }
        } catch (error) {
          problems.push({ file: entry.fileName, reason: `unreadable: ${(error as Error).message}` });
        }
      }
    } finally {
      zip.close();
    }
    if (!manifestBytes) {
      return {
        ok: false,
        checkedFiles: 0,
        problems: [...problems, { file: MANIFEST_FILE, reason: 'missing' }],
        manifest: null,
      };
    }
    let manifest: ExportManifest;
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      return {
        ok: false,
        checkedFiles: 0,
        problems: [...problems, { file: MANIFEST_FILE, reason: 'not valid JSON' }],
        manifest: null,
      };
    }
    const key = createPublicKey(this.publicKeyPem);
    if (!signature) {
      problems.push({ file: SIGNATURE_FILE, reason: 'missing' });
    } else if (!verify(null, manifestBytes, key, signature)) {
      problems.push({
        file: MANIFEST_FILE,
        reason: `signature does not verify (${SIGNATURE_FILE}) with key ${publicKeyFingerprint(key).slice(0, 16)}…`,
      });
    }
    const listed = new Set<string>();
    for (const file of manifest.files ?? []) {
      listed.add(file.path);
      const actual = hashes.get(file.path);
      if (!actual) {
        problems.push({ file: file.path, reason: 'listed in the manifest but missing from the bundle' });
      } else if (actual.sha256 !== file.sha256 || actual.size !== file.size) {
        problems.push({ file: file.path, reason: `SHA-256 mismatch: manifest ${file.sha256}, file ${actual.sha256}` });
      }
    }
    for (const path of hashes.keys()) {
      if (!listed.has(path)) {
        problems.push({ file: path, reason: 'not listed in the manifest' });
      }
    }
    return { ok: problems.length === 0, checkedFiles: hashes.size, problems, manifest };
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip!))),
  );
}

async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!entry) {
      return;
    }
    yield entry;
  }
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream!))),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
