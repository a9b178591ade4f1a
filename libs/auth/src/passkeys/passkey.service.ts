import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';
import { DataSource, IsNull, Repository } from 'typeorm';
import { Organization, UserPasskey, UserRecoveryCode, UserTwoFactor } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { PasskeyChallengeStore } from './passkey-challenge.store';
import type { RelyingParty } from './passkey-relying-party';
import type { RegisterPasskeyDto } from './passkey.dto';

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  transports: string[];
  synced: boolean;
}

const view = (p: UserPasskey): PasskeyView => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt,
  lastUsedAt: p.lastUsedAt,
  transports: p.transports,
  synced: p.deviceType === 'multiDevice',
});

/** Passkeys as a second factor: registration (signed in), listing and removal. */
@Injectable()
export class PasskeyService {
  constructor(
    @InjectRepository(UserPasskey) private readonly passkeys: Repository<UserPasskey>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly challenges: PasskeyChallengeStore,
    private readonly twoFactor: TwoFactorService,
    private readonly dataSource: DataSource,
  ) {}

  async list(userId: string): Promise<PasskeyView[]> {
    return (await this.passkeys.find({ where: { userId }, order: { createdAt: 'ASC' } })).map(view);
  }

  /** Options for navigator.credentials.create(); the challenge is kept server-side for one answer. */
  async registrationOptions(user: { userId: string; organizationId: string; email: string }, rp: RelyingParty) {
    const [existing, organization] = await Promise.all([
      this.passkeys.find({ where: { userId: user.userId }, select: ['credentialId', 'transports'] }),
      this.organizations.findOne({ where: { id: user.organizationId }, select: ['id', 'name'] }),
    ]);
    const challenge = await this.challenges.issue(user.userId, 'registration');
    return generateRegistrationOptions({
      rpName: organization?.name ?? 'civic-inbox',
      rpID: rp.rpID,
      userName: user.email,
      userID: new Uint8Array(Buffer.from(user.userId.replace(/-/g, ''), 'hex')),
      challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({
        id: p.credentialId,
        transports: p.transports as AuthenticatorTransportFuture[],
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
  }

  /**
   * Verifies the attestation against the stored challenge (used up by this answer) and keeps the
   * public key. A first second factor also gets ten recovery codes, returned once.
   */
  async register(
    user: { userId: string; organizationId: string },
    input: RegisterPasskeyDto,
    rp: RelyingParty,
  ): Promise<{ passkey: PasskeyView; recoveryCodes?: string[] }> {
    const refused = (reason: string) =>
      new DomainError(ErrorCode.PasskeyRegistrationRefused, { reason: reason.slice(0, 200) });
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: input.credential as unknown as RegistrationResponseJSON,
        expectedChallenge: (challenge) => this.challenges.consume(user.userId, 'registration', challenge),
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      });
    } catch (error) {
      throw refused((error as Error).message);
    }
    if (!verification.verified) {
      throw refused('not verified');
    }
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    return this.dataSource.transaction(async (manager) => {
      const [hadPasskey, totp, codesLeft] = await Promise.all([
        manager.exists(UserPasskey, { where: { userId: user.userId } }),
        manager.findOne(UserTwoFactor, { where: { userId: user.userId }, select: ['userId', 'totpEnabledAt'] }),
        manager.count(UserRecoveryCode, { where: { userId: user.userId, usedAt: IsNull() } }),
      ]);
      const taken = () => new DomainError(ErrorCode.PasskeyAlreadyRegistered);
      if (await manager.exists(UserPasskey, { where: { credentialId: credential.id } })) {
        throw taken();
      }
      const passkey = await manager
        .save(
          manager.create(UserPasskey, {
            userId: user.userId,
            organizationId: user.organizationId,
            name: input.name.trim(),
            credentialId: credential.id,
            publicKey: Buffer.from(credential.publicKey).toString('base64url'),
            counter: String(credential.counter),
            transports: credential.transports ?? input.credential.response.transports ?? [],
            deviceType: credentialDeviceType,
            backedUp: credentialBackedUp,
            lastUsedAt: null,
          }),
        )
        .catch((error: { code?: string }) => {
          throw error.code === '23505' ? taken() : error;
        });
      const first = !hadPasskey && !totp?.totpEnabledAt && codesLeft === 0;
      const recoveryCodes = first
        ? await this.twoFactor.replaceRecoveryCodes(user.userId, manager.getRepository(UserRecoveryCode))
        : undefined;
      return { passkey: view(passkey), ...(recoveryCodes ? { recoveryCodes } : {}) };
    });
  }

  /** Removes one of the user's passkeys after the password or a current code; the last factor takes the recovery codes with it. */
  async remove(userId: string, id: string, proof: { password?: string; code?: string }): Promise<PasskeyView> {
    await this.twoFactor.assertIdentity(userId, proof);
    return this.dataSource.transaction(async (manager) => {
      const passkey = await manager.findOne(UserPasskey, { where: { id, userId } });
      if (!passkey) {
        throw new DomainError(ErrorCode.PasskeyNotFound);
      }
      await manager.delete(UserPasskey, { id });
      const [left, totp] = await Promise.all([
        manager.count(UserPasskey, { where: { userId } }),
        manager.findOne(UserTwoFactor, { where: { userId }, select: ['userId', 'totpEnabledAt'] }),
      ]);
      if (!left && !totp?.totpEnabledAt) {
        await manager.delete(UserRecoveryCode, { userId });
      }
      return view(passkey);
    });
  }
}
