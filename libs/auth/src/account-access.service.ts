import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserAccountGrant, UserRole } from '@civic/domain';
import { AuthPrincipal } from './auth-principal';
import { isDirectorateOnly } from './directorate-access';
import { AccountScope } from './scope/account-scope';

/**
 * Which channel accounts a principal may work on. Rule: admin, mayor_office and auditor see every
 * account of their organization; an officer with grants sees only the granted accounts; an officer
 * without any grant sees every account (small municipalities need no configuration).
 */
@Injectable()
export class AccountAccessService {
  constructor(@InjectRepository(UserAccountGrant) private readonly grants: Repository<UserAccountGrant>) {}

  /** Account ids the principal is limited to, or null for "every account of the organization". */
  async accessibleAccountIds(principal: AuthPrincipal): Promise<string[] | null> {
    const unrestricted = [UserRole.Admin, UserRole.MayorOffice, UserRole.Auditor];
    if (principal.roles.some((role) => unrestricted.includes(role))) {
      return null;
    }
    // A directorate user works cases of their department, never a channel account's conversations.
    if (isDirectorateOnly(principal)) {
      return [];
    }
    const rows = await this.grants.find({
      where: { userId: principal.userId, organizationId: principal.organizationId },
      select: ['channelAccountId'],
    });
    return rows.length === 0 ? null : rows.map((row) => row.channelAccountId);
  }

  /** The principal's scope; every scoped store and service method takes one. */
  async scopeOf(principal: AuthPrincipal): Promise<AccountScope> {
    if (isDirectorateOnly(principal)) {
      return AccountScope.directorate(principal.organizationId, principal.departmentId ?? null);
    }
    return AccountScope.granted(principal.organizationId, await this.accessibleAccountIds(principal));
  }

  /** The scope of a request's principal, resolved once and kept on the request (guards and handlers share it). */
  async scopeOfRequest(request: {
    principal?: AuthPrincipal;
    accountScope?: AccountScope;
  }): Promise<AccountScope | null> {
    if (!request.principal) {
      return null;
    }
    request.accountScope ??= await this.scopeOf(request.principal);
    return request.accountScope;
  }

  async canAccess(principal: AuthPrincipal, channelAccountId: string): Promise<boolean> {
    const ids = await this.accessibleAccountIds(principal);
    return ids === null || ids.includes(channelAccountId);
  }
}

// The scope types travel with the service that builds them; after the class, which the scope guard injects.
export * from './scope';
