import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SingleSignOnSettings, User, UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

/**
 * Whether a user whose password was right may sign in with it: not when the organization switched
 * password sign-in off for single sign-on, except its bootstrap administrator (the break-glass path).
 */
@Injectable()
export class PasswordSignInPolicy {
  constructor(@InjectRepository(SingleSignOnSettings) private readonly settings: Repository<SingleSignOnSettings>) {}

  async assertAllowed(user: Pick<User, 'id' | 'organizationId'>): Promise<void> {
    const refused = await this.settings.exist({
      where: { organizationId: user.organizationId, enabled: true, passwordSignInDisabled: true },
    });
    if (refused && !(await this.isBootstrapAdministrator(user))) {
      throw new DomainError(ErrorCode.PasswordSignInDisabled, { reason: 'password_sign_in_disabled' });
    }
  }

  /** The organization's first administrator (created at first start), still an administrator. */
  async isBootstrapAdministrator(user: Pick<User, 'id' | 'organizationId'>): Promise<boolean> {
    const [first] = await this.settings.query(
      `SELECT id FROM app_user WHERE organization_id = $1 AND $2 = ANY(roles) ORDER BY created_at, id LIMIT 1`,
      [user.organizationId, UserRole.Admin],
    );
    return first?.id === user.id;
  }
}
