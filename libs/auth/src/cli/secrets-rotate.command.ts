import type { DataSource } from 'typeorm';
import { Not, IsNull } from 'typeorm';
import { AppConfig } from '@civic/config';
import { ChannelAccount } from '@civic/domain';
import type { CredentialCipher } from '../credential-cipher';
import { SecretsService } from '../secrets.service';
import type { AuthCliCommand } from './auth-cli-command';
import { withAuthCliDatabase } from './with-auth-cli-database';

/**
 * Re-encrypts every channel account's credentials under the first ENCRYPTION_KEY. Rotation:
 * put the new key first (`ENCRYPTION_KEY=new,old`), run this, then drop the old key.
 */
export async function runSecretsRotate(
  dataSource: DataSource,
  cipher: CredentialCipher,
  out: (line: string) => void = console.log,
): Promise<number> {
  const rotated = await dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(ChannelAccount);
    // Row locks: a concurrent credentials update waits instead of being overwritten with old values.
    const accounts = await repo.find({
      where: { credentialsEncrypted: Not(IsNull()) },
      select: ['id', 'credentialsEncrypted'],
      lock: { mode: 'pessimistic_write' },
    });
    let count = 0;
    for (const account of accounts) {
      if (!cipher.needsRotation(account.credentialsEncrypted!)) {
        continue;
      }
      // decrypt throws when a key is missing: the whole rotation rolls back rather than half-done.
      await repo.update(
        { id: account.id },
        { credentialsEncrypted: cipher.encrypt(cipher.decrypt(account.credentialsEncrypted!)) },
      );
      count++;
    }
    return { count, total: accounts.length };
  });
  out(`Re-encrypted ${rotated.count} of ${rotated.total} channel account credentials under the current key.`);
  return 0;
}

export const secretsRotateCommand: AuthCliCommand = {
  name: 'secrets:rotate',
  usage: 'secrets:rotate   (re-encrypts channel credentials under the first ENCRYPTION_KEY)',
  run: () => {
    const config = new AppConfig();
    return withAuthCliDatabase(config, (dataSource) => runSecretsRotate(dataSource, new SecretsService(config).cipher));
  },
};
