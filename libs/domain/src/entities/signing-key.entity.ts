import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The installation's Ed25519 key that signs export manifests; the private half is encrypted with SecretsService.cipher. */
@Entity('signing_key')
export class SigningKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', default: 'ed25519' })
  algorithm: string;

  @Column({ type: 'text', name: 'public_key_pem' })
  publicKeyPem: string;

  @Column({ type: 'text', name: 'private_key_encrypted', select: false })
  privateKeyEncrypted: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
