import yauzl from 'yauzl';

/** Every entry of a ZIP in memory, by name (export bundles in the audit suites). */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) {
        return reject(error);
      }
      const files = new Map<string, Buffer>();
      zip!.on('entry', (entry: yauzl.Entry) => {
        zip!.openReadStream(entry, (err, stream) => {
          if (err) {
            return reject(err);
          }
          const chunks: Buffer[] = [];
          stream!
            .on('data', (c: Buffer) => chunks.push(c))
            .on('end', () => {
              files.set(entry.fileName, Buffer.concat(chunks));
              zip!.readEntry();
            });
        });
      });
      zip!.on('end', () => resolve(files)).on('error', reject);
      zip!.readEntry();
    });
  });
}
