import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuthService } from '../auth.service';
import { LoginThrottleService } from '../login-throttle.service';
import { TwoFactorChallengeService } from './two-factor-challenge.service';
import { TwoFactorService } from './two-factor.service';

export type SecondFactor = 'totp' | 'recovery';

/** The second sign-in step; wrong codes count against the same per-e-mail lockout as wrong passwords. */
@Injectable()
export class TwoFactorLoginService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly auth: AuthService,
    private readonly challenges: TwoFactorChallengeService,
    private readonly twoFactor: TwoFactorService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async complete(
    input: { challengeToken: string; code?: string; recoveryCode?: string },
    ip: string | null,
    userAgent: string | null,
  ) {
    const expired = () => new DomainError(ErrorCode.SignInStepExpired);
    const userId = this.challenges.verify(input.challengeToken);
    if (!userId) {
      throw expired();
    }
    const user = await this.users.findOne({
      where: { id: userId, active: true },
      select: ['id', 'organizationId', 'email', 'displayName', 'roles', 'locale', 'tokenVersion'],
    });
    if (!user) {
      throw expired();
    }
    await this.throttle.assertAllowed(user.email);
    const method: SecondFactor | null = input.code ? 'totp' : input.recoveryCode ? 'recovery' : null;
    const ok =
      method === 'totp'
        ? await this.twoFactor.verifyTotp(user.id, input.code!)
        : method === 'recovery'
          ? await this.twoFactor.useRecoveryCode(user.id, input.recoveryCode!)
          : false;
    if (!ok) {
      await this.throttle.record(user.email, false, ip);
      throw new DomainError(ErrorCode.TwoFactorWrongCode);
    }
    await this.throttle.record(user.email, true, ip);
    const session = await this.auth.openSession(user, { ip, userAgent, authMethod: `password+${method}` });
    return {
      session,
      method: method!,
      recoveryCodesLeft: method === 'recovery' ? (await this.twoFactor.status(user.id)).recoveryCodesLeft : undefined,
    };
  }
}
