import { readFileSync } from 'node:fs';
import { SigningKey } from '@civic/domain';
import { ExportBundleVerifier } from '../export-bundle.verifier';
import type { CliCommand } from './cli-command';
import { withCliDatabase } from './cli-database';

/**
 * `export:verify <bundle.zip> [--public-key key.pem]`: checks the manifest signature and every file hash.
 * Without --public-key the installation's key is read from the database.
 */
export const exportVerifyCommand: CliCommand = {
  name: 'export:verify',
  usage: 'export:verify <bundle.zip> [--public-key <key.pem>]',
  async run(args) {
    const keyIndex = args.indexOf('--public-key');
    const bundle = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--public-key');
    if (!bundle) {
      console.error(`usage: npm run cli -- ${this.usage}`);
      return 2;
    }
    const publicKeyPem =
      keyIndex >= 0
        ? readFileSync(args[keyIndex + 1], 'utf8')
        : await withCliDatabase(
            async (dataSource) =>
              (await dataSource.getRepository(SigningKey).findOneOrFail({ where: {}, order: { createdAt: 'ASC' } }))
                .publicKeyPem,
          );
    const report = await new ExportBundleVerifier(publicKeyPem).verify(bundle);
    for (const problem of report.problems) {
      console.log(`FAIL  ${problem.file}: ${problem.reason}`);
    }
    if (report.ok) {
      console.log(`OK    ${bundle}: signature valid, ${report.checkedFiles} files match the manifest`);
    }
    return report.ok ? 0 : 1;
  },
};
