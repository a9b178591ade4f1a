import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserAccountGrant, UserRole } from '@civic/domain';
import { AuthPrincipal } from './auth-principal';

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
    if (principal.roles.some((role) => unrestricted.includes(role))) return null;
    const rows = await this.grants.find({ where: { userId: principal.userId, organizationId: principal.organizationId }, select: ['channelAccountId'] });
    return rows.length === 0 ? null : rows.map((row) => row.channelAccountId);
  }

  async canAccess(principal: AuthPrincipal, channelAccountId: string): Promise<boolean> {
    const ids = await this.accessibleAccountIds(principal);
    return ids === null || ids.includes(channelAccountId);
  }
}
