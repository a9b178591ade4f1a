import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { create as createQrCode } from 'qrcode';
import { DataSource, IsNull, Repository } from 'typeorm';
import { User, UserPasskey, UserRecoveryCode, UserTwoFactor } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { PasswordHasher } from '../password-hasher';
import { SecretsService } from '../secrets.service';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';
import { matchingTotpStep, newTotpSecret, totpFor } from './totp-code';

export interface TwoFactorStatus {
  totpEnabled: boolean;
  totpEnabledAt: Date | null;
  recoveryCodesLeft: number;
  passkeys: number;
}

export type SecondFactorMethod = 'totp' | 'passkey' | 'recovery';

/** TOTP enrolment and verification, and one-time recovery codes. Secrets are stored encrypted. */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectRepository(UserTwoFactor) private readonly factors: Repository<UserTwoFactor>,
    @InjectRepository(UserRecoveryCode) private readonly recoveryCodes: Repository<UserRecoveryCode>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserPasskey) private readonly passkeys: Repository<UserPasskey>,
    private readonly secrets: SecretsService,
    private readonly dataSource: DataSource,
  ) {}

  /** True when sign-in needs a second step: TOTP is on or a passkey is registered. */
  async isEnabled(userId: string): Promise<boolean> {
    return (await this.methods(userId)).length > 0;
  }

  /** The second factors the user can sign in with (empty: none). */
  async methods(userId: string): Promise<SecondFactorMethod[]> {
    const [row, hasPasskey] = await Promise.all([
      this.factors.findOne({ where: { userId }, select: ['userId', 'totpEnabledAt'] }),
      this.passkeys.exists({ where: { userId } }),
    ]);
    if (!row?.totpEnabledAt && !hasPasskey) {
      return [];
    }
    return [...(row?.totpEnabledAt ? ['totp' as const] : []), ...(hasPasskey ? ['passkey' as const] : []), 'recovery'];
  }

  async status(userId: string): Promise<TwoFactorStatus> {
    const row = await this.factors.findOne({ where: { userId } });
    const recoveryCodesLeft = await this.recoveryCodes.count({ where: { userId, usedAt: IsNull() } });
    const passkeys = await this.passkeys.count({ where: { userId } });
    return {
      totpEnabled: !!row?.totpEnabledAt,
      totpEnabledAt: row?.totpEnabledAt ?? null,
      recoveryCodesLeft,
      passkeys,
    };
  }

  /** A new secret to scan; TOTP stays off until confirm() gets a first valid code for it. */
  async beginTotp(user: { userId: string; organizationId: string; email: string }) {
    const existing = await this.factors.findOne({ where: { userId: user.userId } });
    if (existing?.totpEnabledAt) {
      throw new DomainError(ErrorCode.TwoFactorAlreadyEnabled);
    }
    const secret = newTotpSecret();
    await this.factors.upsert(
      {
        userId: user.userId,
        organizationId: user.organizationId,
        totpPendingSecret: this.secrets.cipher.encrypt({ secret }),
      },
      ['userId'],
    );
    const otpauthUrl = totpFor(secret, user.email).toString();
    return { secret, otpauthUrl, qrCode: qrCodePath(otpauthUrl) };
  }

  /** Switches TOTP on with a first valid code; returns the ten recovery codes (shown once). */
  async confirmTotp(userId: string, code: string): Promise<string[]> {
    const row = await this.factors.findOne({ where: { userId } });
    if (row?.totpEnabledAt) {
      throw new DomainError(ErrorCode.TwoFactorAlreadyEnabled);
    }
    if (!row?.totpPendingSecret) {
      throw new DomainError(ErrorCode.TwoFactorSetupNotStarted);
    }
    const secret = this.secrets.cipher.decrypt(row.totpPendingSecret).secret;
    const step = matchingTotpStep(secret, code);
    if (step === null) {
      throw new DomainError(ErrorCode.TwoFactorWrongCode);
    }
    return this.dataSource.transaction(async (manager) => {
      const switched = await manager.update(
        UserTwoFactor,
        { userId, totpEnabledAt: IsNull() },
        {
          totpSecret: row.totpPendingSecret,
          totpPendingSecret: null,
          totpEnabledAt: new Date(),
          totpLastStep: String(step),
        },
      );
      if (!switched.affected) {
        throw new DomainError(ErrorCode.TwoFactorAlreadyEnabled);
      }
      return this.replaceRecoveryCodes(userId, manager.getRepository(UserRecoveryCode));
    });
  }

  /** Switches TOTP off after the password or a current code; the recovery codes go too unless a passkey remains. */
  async disableTotp(userId: string, proof: { password?: string; code?: string }): Promise<void> {
    await this.assertIdentity(userId, proof);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(UserTwoFactor, { userId });
      if (!(await manager.exists(UserPasskey, { where: { userId } }))) {
        await manager.delete(UserRecoveryCode, { userId });
      }
    });
  }

  /** Ten new recovery codes; the old ones stop working. */
  async regenerateRecoveryCodes(userId: string, proof: { password?: string; code?: string }): Promise<string[]> {
    await this.assertIdentity(userId, proof);
    if (!(await this.isEnabled(userId))) {
      throw new DomainError(ErrorCode.TwoFactorNotEnabled);
    }
    return this.dataSource.transaction((manager) =>
      this.replaceRecoveryCodes(userId, manager.getRepository(UserRecoveryCode)),
    );
  }

  /** A code of the enabled secret, never accepted twice: a step is taken at most once (conditional update). */
  async verifyTotp(userId: string, code: string): Promise<boolean> {
    const row = await this.factors.findOne({ where: { userId } });
    if (!row?.totpEnabledAt || !row.totpSecret) {
      return false;
    }
    const step = matchingTotpStep(this.secrets.cipher.decrypt(row.totpSecret).secret, code);
    if (step === null) {
      return false;
    }
    const [, taken] = await this.factors.query(
      `UPDATE user_two_factor SET totp_last_step = $2, updated_at = now()
        WHERE user_id = $1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [userId, step],
    );
    return Number(taken) === 1;
  }

  /** Uses up one recovery code; false for a wrong or already used one. */
  async useRecoveryCode(userId: string, typed: string): Promise<boolean> {
    const [, used] = await this.recoveryCodes.query(
      'UPDATE user_recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL',
      [userId, hashRecoveryCode(userId, typed)],
    );
    return Number(used) === 1;
  }

  async assertIdentity(userId: string, proof: { password?: string; code?: string }): Promise<void> {
    if (proof.code && (await this.verifyTotp(userId, proof.code))) {
      return;
    }
    if (proof.password) {
      const user = await this.users.findOne({ where: { id: userId }, select: ['id', 'passwordHash'] });
      if (user && (await PasswordHasher.verify(user.passwordHash, proof.password))) {
        return;
      }
    }
    throw new DomainError(ErrorCode.TwoFactorWrongPasswordOrCode);
  }

  async replaceRecoveryCodes(userId: string, repository: Repository<UserRecoveryCode>): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await repository.delete({ userId });
    await repository.insert(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })));
    return codes;
  }
}

/**
 * The QR code as one SVG path over a size x size grid: the web app draws it inline, which its
 * Content-Security-Policy (img-src 'self', no data: URLs) allows.
 */
function qrCodePath(text: string): { size: number; path: string } {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) {
        path += `M${x} ${y}h1v1h-1z`;
      }
    }
  }
  return { size: modules.size, path };
}
