import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TwoFactorPolicy, UserPasskey, UserRole, UserTwoFactor } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

export const DEFAULT_TWO_FACTOR_ROLES: UserRole[] = [UserRole.Admin, UserRole.Auditor];

export interface TwoFactorPolicyView {
  enforced: boolean;
  roles: UserRole[];
}

/** The organization's requirement: users with one of the roles must enrol before working. */
@Injectable()
export class TwoFactorPolicyService {
  constructor(
    @InjectRepository(TwoFactorPolicy) private readonly policies: Repository<TwoFactorPolicy>,
    @InjectRepository(UserTwoFactor) private readonly factors: Repository<UserTwoFactor>,
    @InjectRepository(UserPasskey) private readonly passkeys: Repository<UserPasskey>,
  ) {}

  async get(organizationId: string): Promise<TwoFactorPolicyView> {
    const row = await this.policies.findOne({ where: { organizationId } });
    return { enforced: row?.enforced ?? false, roles: row?.roles ?? DEFAULT_TWO_FACTOR_ROLES };
  }

  /** The acting administrator cannot require what they do not have (they would lock themselves in). */
  async set(
    actor: { userId: string; organizationId: string; roles: UserRole[] },
    input: { enforced: boolean; roles?: UserRole[] },
  ): Promise<TwoFactorPolicyView> {
    const roles = [...new Set(input.roles?.length ? input.roles : DEFAULT_TWO_FACTOR_ROLES)];
    if (input.enforced && actor.roles.some((role) => roles.includes(role))) {
      if (!(await this.hasSecondFactor(actor.userId))) {
        throw new DomainError(ErrorCode.TwoFactorEnableOwnFirst);
      }
    }
    await this.policies.upsert({ organizationId: actor.organizationId, enforced: input.enforced, roles }, [
      'organizationId',
    ]);
    return { enforced: input.enforced, roles };
  }

  /** True when the user's roles fall under the enforced policy and the user has no second factor. */
  async requiresEnrolment(user: { id: string; organizationId: string; roles: UserRole[] }): Promise<boolean> {
    const policy = await this.get(user.organizationId);
    if (!policy.enforced || !user.roles.some((role) => policy.roles.includes(role))) {
      return false;
    }
    return !(await this.hasSecondFactor(user.id));
  }

  /** TOTP on or a passkey registered: either satisfies the requirement. */
  private async hasSecondFactor(userId: string): Promise<boolean> {
    const own = await this.factors.findOne({ where: { userId } });
    return !!own?.totpEnabledAt || (await this.passkeys.exists({ where: { userId } }));
  }
}
