import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@civic/config';
import { CredentialCipher } from './credential-cipher';

/**
 * The encryption key and token-signing secret. Production must configure both; in development
 * they are generated once and kept under DATA_DIR so a restart keeps sessions and credentials.
 */
@Injectable()
export class SecretsService {
  private readonly logger = new Logger(SecretsService.name);
  readonly cipher: CredentialCipher;
  readonly jwtSecret: string;

  constructor(config: AppConfig) {
    const { ENCRYPTION_KEY, JWT_SECRET, DATA_DIR } = config.env;
    if (config.isProduction && (!ENCRYPTION_KEY || !JWT_SECRET)) {
      throw new Error('ENCRYPTION_KEY and JWT_SECRET are required when NODE_ENV=production');
    }
    const generated =
      ENCRYPTION_KEY && JWT_SECRET ? null : this.loadOrCreateDevSecrets(join(DATA_DIR, 'dev-secrets.json'));
    this.cipher = new CredentialCipher(ENCRYPTION_KEY ?? generated!.encryptionKey);
    this.jwtSecret = JWT_SECRET ?? generated!.jwtSecret;
  }

  private loadOrCreateDevSecrets(file: string): { encryptionKey: string; jwtSecret: string } {
    if (existsSync(file)) {
      return JSON.parse(readFileSync(file, 'utf8'));
    }
    const secrets = { encryptionKey: randomBytes(32).toString('hex'), jwtSecret: randomBytes(32).toString('hex') };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    this.logger.warn(`ENCRYPTION_KEY/JWT_SECRET not set: generated development secrets in ${file}`);
    return secrets;
  }
}
