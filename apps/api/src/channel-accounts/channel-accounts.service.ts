import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditService } from '@civic/audit';
import { AuthPrincipal, SecretsService } from '@civic/auth';
import { ChannelAccount, ChannelAccountStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CreateChannelAccountDto, INVALID_EXTERNAL_ID } from './create-channel-account.dto';
import { UpdateChannelAccountDto } from './update-channel-account.dto';

const CREDENTIAL_VALUE_MAX = 4096;

/** Administration of connected accounts. Credentials go in encrypted and never come out. */
@Injectable()
export class ChannelAccountsService {
  constructor(
    @InjectRepository(ChannelAccount) private readonly accounts: Repository<ChannelAccount>,
    private readonly secrets: SecretsService,
    private readonly audit: AuditService,
  ) {}

  /** `accountIds` (from the caller's grants) narrows the list; null means every account. */
  list(organizationId: string, accountIds: string[] | null = null) {
    return this.accounts
      .find({ where: { organizationId, ...(accountIds ? { id: In(accountIds) } : {}) }, order: { createdAt: 'ASC' } })
      .then((rows) => rows.map(present));
  }

  async get(organizationId: string, id: string) {
    return present(await this.find(organizationId, id));
  }

  async create(actor: AuthPrincipal, dto: CreateChannelAccountDto) {
    const { organizationId } = actor;
    const existing = await this.accounts.findOne({ where: { channel: dto.channel, externalId: dto.externalId } });
    if (existing?.organizationId === organizationId) {
      throw new DomainError(ErrorCode.ChannelAccountAlreadyConnected, {
        channel: dto.channel,
        externalId: dto.externalId,
      });
    }
    // Another organization's account: answered exactly as a malformed id, so holders cannot be probed.
    if (existing) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: [INVALID_EXTERNAL_ID] });
    }
    const saved = await this.accounts.save(
      this.accounts.create({
        organizationId,
        channel: dto.channel,
        externalId: dto.externalId,
        name: dto.name,
        handle: dto.handle ?? null,
        ownerLabel: dto.ownerLabel ?? null,
        credentialsEncrypted: dto.credentials ? this.encrypt(dto.credentials) : null,
        pollIntervalSeconds: dto.pollIntervalSeconds ?? 120,
        sendRatePerSecond: dto.sendRatePerSecond ?? null,
        sandbox: dto.sandbox ?? false,
      }),
    );
    await this.record(actor, 'channel_account.connected', saved.id, null, present(saved));
    return present(saved);
  }

  async update(actor: AuthPrincipal, id: string, dto: UpdateChannelAccountDto) {
    const account = await this.find(actor.organizationId, id);
    const before = present(account);
    if (dto.name !== undefined) {
      account.name = dto.name;
    }
    if (dto.handle !== undefined) {
      account.handle = dto.handle;
    }
    if (dto.ownerLabel !== undefined) {
      account.ownerLabel = dto.ownerLabel;
    }
    if (dto.pollIntervalSeconds !== undefined) {
      account.pollIntervalSeconds = dto.pollIntervalSeconds;
    }
    if (dto.sendRatePerSecond !== undefined) {
      account.sendRatePerSecond = dto.sendRatePerSecond;
    }
    if (dto.sandbox !== undefined) {
      account.sandbox = dto.sandbox;
    }
    if (dto.status !== undefined) {
      account.status = dto.status;
    }
    if (dto.repliesNeedApproval !== undefined) {
      account.repliesNeedApproval = dto.repliesNeedApproval;
    }
    if (dto.credentials !== undefined) {
      account.credentialsEncrypted = this.encrypt(dto.credentials);
      // New credentials are the administrator's answer to "needs re-authorization".
      if (account.status === ChannelAccountStatus.NeedsReauthorization) {
        account.status = ChannelAccountStatus.Active;
      }
      account.lastError = null;
    }
    const after = present(await this.accounts.save(account));
    await this.record(actor, 'channel_account.updated', id, before, {
      ...after,
      credentialsReplaced: dto.credentials !== undefined,
    });
    return after;
  }

  async remove(actor: AuthPrincipal, id: string): Promise<void> {
    const account = await this.find(actor.organizationId, id);
    await this.accounts.delete({ id: account.id, organizationId: actor.organizationId });
    await this.record(actor, 'channel_account.disconnected', id, present(account), null);
  }

  /** Credentials never enter the audit trail: `present` leaves them out. */
  private record(actor: AuthPrincipal, action: string, id: string, before: unknown, after: unknown) {
    return this.audit.record({
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action,
      targetType: 'channel_account',
      targetId: id,
      before,
      after,
    });
  }

  private async find(organizationId: string, id: string): Promise<ChannelAccount> {
    const account = await this.accounts.findOne({ where: { id, organizationId } });
    if (!account) {
      throw new DomainError(ErrorCode.ChannelAccountNotFound, { id });
    }
    return account;
  }

  private encrypt(credentials: Record<string, unknown>): string {
    for (const [key, value] of Object.entries(credentials)) {
      if (typeof value !== 'string' || value.length === 0 || value.length > CREDENTIAL_VALUE_MAX) {
        throw new DomainError(ErrorCode.ChannelCredentialInvalid, { key, max: CREDENTIAL_VALUE_MAX });
      }
    }
    return this.secrets.cipher.encrypt(credentials);
  }
}

/** The public view of an account: everything but the credentials, plus whether they are set. */
function present(account: ChannelAccount) {
  const { credentialsEncrypted, ...rest } = account;
  return { ...rest, hasCredentials: credentialsEncrypted !== undefined ? credentialsEncrypted !== null : undefined };
}
