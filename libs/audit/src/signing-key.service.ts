import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecretsService } from '@civic/auth';
import { SigningKey } from '@civic/domain';
import { publicKeyFingerprint } from './public-key-fingerprint';

interface LoadedKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

/**
 * The installation's Ed25519 manifest-signing key: created on first use, the private half stored
 * encrypted with the credentials cipher (ENCRYPTION_KEY), the public half published for verifiers.
 */
@Injectable()
export class SigningKeyService {
  private loaded: Promise<LoadedKey> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretsService,
  ) {}

  async publicKeyPem(): Promise<string> {
    return (await this.key()).publicKeyPem;
  }

  async fingerprint(): Promise<string> {
    return (await this.key()).fingerprint;
  }

  async sign(data: Buffer): Promise<Buffer> {
    return sign(null, data, (await this.key()).privateKey);
  }

  private key(): Promise<LoadedKey> {
    this.loaded ??= this.loadOrCreate().catch((error) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async loadOrCreate(): Promise<LoadedKey> {
    return this.dataSource.transaction(async (manager) => {
      // Two processes starting at once must not each create a key.
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('signing_key'))");
      const repo = manager.getRepository(SigningKey);
      let row = await repo
        .createQueryBuilder('k')
        .addSelect('k.privateKeyEncrypted')
        .orderBy('k.createdAt', 'ASC')
        .getOne();
      if (!row) {
        const pair = generateKeyPairSync('ed25519');
        const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
        row = await repo.save(
          repo.create({
            algorithm: 'ed25519',
            publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
            privateKeyEncrypted: this.secrets.cipher.encrypt({ privateKeyPem }),
          }),
        );
      }
      const privateKey = createPrivateKey(this.secrets.cipher.decrypt(row.privateKeyEncrypted).privateKeyPem);
      return {
        privateKey,
        publicKeyPem: row.publicKeyPem,
        fingerprint: publicKeyFingerprint(createPublicKey(row.publicKeyPem)),
      };
    });
  }
}
