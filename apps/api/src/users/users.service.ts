import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { AuditService } from '@civic/audit';
import { AuthPrincipal, PasswordHasher, RefreshTokenService, SessionService } from '@civic/auth';
import { ChannelAccount, User, UserAccountGrant, UserPasskey, UserRole, UserTwoFactor } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CreateUserDto } from './create-user.dto';
import { UpdateMeDto } from './update-me.dto';
import { UpdateUserDto } from './update-user.dto';

/** User administration inside the caller's organization; every query carries organizationId. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserAccountGrant) private readonly grants: Repository<UserAccountGrant>,
    private readonly refreshTokens: RefreshTokenService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string) {
    const users = await this.users.find({ where: { organizationId }, order: { createdAt: 'ASC' } });
    const grants = users.length
      ? await this.grants.find({ where: { organizationId, userId: In(users.map((u) => u.id)) } })
      : [];
    const withTwoFactor = await this.twoFactorUserIds(organizationId);
    return users.map((user) => ({
      ...present(
        user,
        grants.filter((g) => g.userId === user.id).map((g) => g.channelAccountId),
      ),
      twoFactorEnabled: withTwoFactor.has(user.id),
    }));
  }

  async get(organizationId: string, id: string) {
    const user = await this.find(organizationId, id);
    return {
      ...present(user, await this.grantIds(organizationId, id)),
      twoFactorEnabled: (await this.twoFactorUserIds(organizationId, id)).has(id),
    };
  }

  /** Ends every session of the user; their refresh and access tokens stop at once. */
  async endSessions(principal: AuthPrincipal, id: string) {
    const user = await this.find(principal.organizationId, id);
    const sessionsEnded = await this.sessions.endAll(user.id);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.sessions.ended_all',
      targetType: 'user',
      targetId: user.id,
      after: { email: user.email, sessionsEnded },
    });
    return { sessionsEnded };
  }

  async create(actor: AuthPrincipal, dto: CreateUserDto) {
    const { organizationId } = actor;
    const email = dto.email.trim().toLowerCase();
    if (await this.users.exist({ where: { email } })) {
      throw new DomainError(ErrorCode.UserEmailTaken, { email });
    }
    const passwordHash = await PasswordHasher.hash(dto.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).save({
        organizationId,
        email,
        displayName: dto.displayName,
        roles: [...new Set(dto.roles)],
        departmentId: await this.directorateDepartment(manager, organizationId, dto.roles, dto.departmentId ?? null),
        locale: dto.locale ?? 'tr',
        passwordHash,
      });
      await this.replaceGrants(manager, organizationId, user.id, dto.channelAccountIds ?? []);
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          after: {
            email,
            roles: user.roles,
            departmentId: user.departmentId,
            channelAccountIds: dto.channelAccountIds ?? [],
          },
        },
        manager,
      );
      return user.id;
    });
    return this.get(organizationId, id);
  }

  async update(principal: AuthPrincipal, id: string, dto: UpdateUserDto) {
    const { organizationId } = principal;
    const user = await this.find(organizationId, id);
    const before = {
      roles: user.roles,
      departmentId: user.departmentId,
      active: user.active,
      displayName: user.displayName,
      channelAccountIds: await this.grantIds(organizationId, id),
    };
    // An administrator cannot lock themselves out; another administrator has to do it.
    if (id === principal.userId && (dto.active === false || (dto.roles && !dto.roles.includes(UserRole.Admin)))) {
      throw new DomainError(ErrorCode.UserCannotDemoteSelf);
    }
    if (dto.displayName !== undefined) {
      user.displayName = dto.displayName;
    }
    if (dto.roles !== undefined) {
      user.roles = [...new Set(dto.roles)];
    }
    if (dto.locale !== undefined) {
      user.locale = dto.locale;
    }
    if (dto.active !== undefined) {
      user.active = dto.active;
    }
    if (dto.password !== undefined) {
      user.passwordHash = await PasswordHasher.hash(dto.password);
    }
    await this.dataSource.transaction(async (manager) => {
      if (dto.roles !== undefined || dto.departmentId !== undefined) {
        user.departmentId = await this.directorateDepartment(
          manager,
          organizationId,
          user.roles,
          dto.departmentId !== undefined ? dto.departmentId : user.departmentId,
        );
      }
      await manager.getRepository(User).save(user);
      if (dto.channelAccountIds !== undefined) {
        await this.replaceGrants(manager, organizationId, id, dto.channelAccountIds);
      }
      await this.audit.record(
        {
          organizationId,
          actorUserId: principal.userId,
          action: 'user.updated',
          targetType: 'user',
          targetId: id,
          before,
          after: {
            roles: user.roles,
            departmentId: user.departmentId,
            active: user.active,
            displayName: user.displayName,
            channelAccountIds: dto.channelAccountIds ?? before.channelAccountIds,
            passwordChanged: dto.password !== undefined,
          },
        },
        manager,
      );
    });
    if (dto.active === false || dto.password !== undefined) {
      await this.refreshTokens.revokeAllForUser(id);
    }
    return this.get(organizationId, id);
  }

  async remove(principal: AuthPrincipal, id: string): Promise<void> {
    if (id === principal.userId) {
      throw new DomainError(ErrorCode.UserCannotDeleteSelf);
    }
    const user = await this.find(principal.organizationId, id);
    // Refresh tokens, API tokens and grants go with the user (ON DELETE CASCADE).
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).delete({ id: user.id, organizationId: principal.organizationId });
      await this.audit.record(
        {
          organizationId: principal.organizationId,
          actorUserId: principal.userId,
          action: 'user.deleted',
          targetType: 'user',
          targetId: id,
          before: { email: user.email, roles: user.roles },
        },
        manager,
      );
    });
  }

  async updateMe(principal: AuthPrincipal, dto: UpdateMeDto) {
    if (principal.apiTokenId) {
      throw new DomainError(ErrorCode.ApiTokenCannotChangeProfile);
    }
    const user = await this.users.findOne({
      where: { id: principal.userId, organizationId: principal.organizationId },
      select: [
        'id',
        'organizationId',
        'email',
        'displayName',
        'roles',
        'locale',
        'active',
        'passwordHash',
        'createdAt',
        'updatedAt',
      ],
    });
    if (!user) {
      throw new DomainError(ErrorCode.UserNotFound);
    }
    if (dto.newPassword !== undefined) {
      if (!(await PasswordHasher.verify(user.passwordHash, dto.currentPassword ?? ''))) {
        throw new DomainError(ErrorCode.UserCurrentPasswordWrong);
      }
      user.passwordHash = await PasswordHasher.hash(dto.newPassword);
    }
    if (dto.locale !== undefined) {
      user.locale = dto.locale;
    }
    if (dto.displayName !== undefined) {
      user.displayName = dto.displayName;
    }
    await this.users.save(user);
    // Other sessions end with a password change; the caller signs in again on its next refresh.
    if (dto.newPassword !== undefined) {
      await this.refreshTokens.revokeAllForUser(user.id);
    }
    return this.get(principal.organizationId, user.id);
  }

  private async find(organizationId: string, id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id, organizationId } });
    if (!user) {
      throw new DomainError(ErrorCode.UserNotFound, { id });
    }
    return user;
  }

  /** Users with TOTP on or a passkey registered. */
  private async twoFactorUserIds(organizationId: string, userId?: string): Promise<Set<string>> {
    const [rows, passkeys] = await Promise.all([
      this.dataSource.getRepository(UserTwoFactor).find({
        where: { organizationId, ...(userId ? { userId } : {}), totpEnabledAt: Not(IsNull()) },
        select: ['userId'],
      }),
      this.dataSource
        .getRepository(UserPasskey)
        .find({ where: { organizationId, ...(userId ? { userId } : {}) }, select: ['userId'] }),
    ]);
    return new Set([...rows, ...passkeys].map((r) => r.userId));
  }

  /**
   * The department a user keeps: required (an active department of the organization) with the
   * directorate role, and cleared without it, so no other role carries a department it does not use.
   */
  private async directorateDepartment(
    manager: EntityManager,
    organizationId: string,
    roles: UserRole[],
    departmentId: string | null,
  ): Promise<string | null> {
    if (!roles.includes(UserRole.Directorate)) {
      return null;
    }
    if (!departmentId) {
      throw new DomainError(ErrorCode.DirectorateDepartmentRequired);
    }
    const [department] = await manager.query(
      `SELECT id FROM department WHERE organization_id = $1 AND id = $2 AND kind = 'department' AND active`,
      [organizationId, departmentId],
    );
    if (!department) {
      throw new DomainError(ErrorCode.DirectorateDepartmentInvalid, { departmentId });
    }
    return department.id;
  }

  private async grantIds(organizationId: string, userId: string): Promise<string[]> {
    return (await this.grants.find({ where: { organizationId, userId } })).map((g) => g.channelAccountId);
  }

  private async replaceGrants(
    manager: EntityManager,
    organizationId: string,
    userId: string,
    accountIds: string[],
  ): Promise<void> {
    const ids = [...new Set(accountIds)];
    if (ids.length > 0) {
      const found = await manager.getRepository(ChannelAccount).count({ where: { organizationId, id: In(ids) } });
      if (found !== ids.length) {
        throw new DomainError(ErrorCode.UserUnknownChannelAccounts);
      }
    }
    await manager.getRepository(UserAccountGrant).delete({ organizationId, userId });
    if (ids.length > 0) {
      await manager
        .getRepository(UserAccountGrant)
        .insert(ids.map((channelAccountId) => ({ organizationId, userId, channelAccountId })));
    }
  }
}

function present(user: User, channelAccountIds: string[]) {
  const { passwordHash: _hash, organization: _org, ...rest } = user;
  return { ...rest, channelAccountIds };
}
