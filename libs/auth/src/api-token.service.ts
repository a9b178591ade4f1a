import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiToken, User, UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuthPrincipal } from './auth-principal';
import { randomToken, sha256Hex } from './token-hash';

export const API_TOKEN_PREFIX = 'civ_';
/** last_used_at is written at most this often per token, so busy integrations do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export interface CreateApiTokenInput {
  name: string;
  roles: UserRole[];
  expiresAt?: Date | null;
}

/** Integration tokens: shown once, stored as sha256, acting for their creator with a subset of the creator's roles. */
@Injectable()
export class ApiTokenService {
  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async create(creator: AuthPrincipal, input: CreateApiTokenInput) {
    if (creator.apiTokenId) {
      throw new DomainError(ErrorCode.ApiTokenCannotCreateTokens);
    }
    const extra = input.roles.filter((role) => !creator.roles.includes(role));
    if (extra.length > 0) {
      throw new DomainError(ErrorCode.ApiTokenRolesNotHeld, { roles: extra });
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new DomainError(ErrorCode.ApiTokenExpiryInPast);
    }
    const secret = `${API_TOKEN_PREFIX}${randomToken()}`;
    const saved = await this.tokens.save(
      this.tokens.create({
        organizationId: creator.organizationId,
        createdById: creator.userId,
        name: input.name,
        tokenPrefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: sha256Hex(secret),
        roles: [...new Set(input.roles)],
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    return { ...present(saved), token: secret };
  }

  /** Administrators see every token of the organization, others their own. */
  async list(principal: AuthPrincipal) {
    const where =
      principal.roles.includes(UserRole.Admin) && !principal.apiTokenId
        ? { organizationId: principal.organizationId }
        : { organizationId: principal.organizationId, createdById: principal.userId };
    return (await this.tokens.find({ where, order: { createdAt: 'DESC' } })).map(present);
  }

  async revoke(principal: AuthPrincipal, id: string): Promise<void> {
    const token = await this.tokens.findOne({ where: { id, organizationId: principal.organizationId } });
    const mayRevoke =
      token &&
      (token.createdById === principal.userId || (principal.roles.includes(UserRole.Admin) && !principal.apiTokenId));
    if (!token || !mayRevoke) {
      throw new DomainError(ErrorCode.ApiTokenNotFound, { id });
    }
    if (!token.revokedAt) {
      await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
  }

  /** The principal for a presented token, or null when it is unknown, revoked, expired or its creator is disabled. */
  async verify(secret: string): Promise<AuthPrincipal | null> {
    const token = await this.tokens.findOne({ where: { tokenHash: sha256Hex(secret) } });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) {
      return null;
    }
    const user = await this.users.findOne({
      where: { id: token.createdById, active: true },
      select: ['id', 'organizationId', 'email', 'roles', 'departmentId'],
    });
    if (!user || user.organizationId !== token.organizationId) {
      return null;
    }
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: new Date() });
    }
    // A creator who lost a role since takes it away from the token too.
    const roles = token.roles.filter((role) => user.roles.includes(role));
    return {
      userId: user.id,
      organizationId: user.organizationId,
      email: user.email,
      roles,
      departmentId: user.departmentId,
      apiTokenId: token.id,
    };
  }
}

function present(token: ApiToken) {
  const { tokenHash: _hash, ...rest } = token;
  return rest;
}
