import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { AuthPrincipal } from '@civic/auth';
import { MentionSettings, MentionWatchlist } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { MentionMatcher } from './mention-matcher';
import { MentionSettingsInput, WatchlistInput } from './watchlist-input';

const clean = (values: string[] | undefined) =>
  values === undefined ? undefined : [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** Watchlists and notification settings of an organization; every change is audited in its transaction. */
@Injectable()
export class WatchlistsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(organizationId: string): Promise<MentionWatchlist[]> {
    return this.dataSource
      .getRepository(MentionWatchlist)
      .find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  async get(organizationId: string, id: string): Promise<MentionWatchlist> {
    const found = await this.dataSource.getRepository(MentionWatchlist).findOneBy({ organizationId, id });
    if (!found) {
      throw new DomainError(ErrorCode.WatchlistNotFound);
    }
    return found;
  }

  async create(principal: AuthPrincipal, input: WatchlistInput): Promise<MentionWatchlist> {
    const values = this.normalize(input);
    if (!values.name) {
      throw new DomainError(ErrorCode.WatchlistNameRequired);
    }
    this.requireSomething(values);
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager
        .getRepository(MentionWatchlist)
        .save(manager.getRepository(MentionWatchlist).create({ ...values, organizationId: principal.organizationId }));
      await this.audit.record(this.entry(principal, 'mention.watchlist_created', saved.id, null, saved), manager);
      return saved;
    });
  }

  async update(principal: AuthPrincipal, id: string, input: WatchlistInput): Promise<MentionWatchlist> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MentionWatchlist);
      const before = await repo.findOneBy({ organizationId: principal.organizationId, id });
      if (!before) {
        throw new DomainError(ErrorCode.WatchlistNotFound);
      }
      const after = repo.merge(repo.create({ ...before }), this.normalize(input));
      this.requireSomething(after);
      const saved = await repo.save(after);
      await this.audit.record(this.entry(principal, 'mention.watchlist_updated', id, before, saved), manager);
      return saved;
    });
  }

  async remove(principal: AuthPrincipal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager
        .getRepository(MentionWatchlist)
        .findOneBy({ organizationId: principal.organizationId, id });
      if (!before) {
        throw new DomainError(ErrorCode.WatchlistNotFound);
      }
      // Its mentions, cursors and alerts go with it (ON DELETE CASCADE).
      await manager.getRepository(MentionWatchlist).delete({ id });
      await this.audit.record(this.entry(principal, 'mention.watchlist_deleted', id, before, null), manager);
    });
  }

  async settings(organizationId: string): Promise<MentionSettings> {
    return (
      (await this.dataSource.getRepository(MentionSettings).findOneBy({ organizationId })) ??
      Object.assign(new MentionSettings(), { organizationId, webhookUrl: null, email: null, digestEnabled: true })
    );
  }

  async updateSettings(principal: AuthPrincipal, input: MentionSettingsInput): Promise<MentionSettings> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MentionSettings);
      const before = await repo.findOneBy({ organizationId: principal.organizationId });
      const saved = await repo.save(
        repo.create({
          ...(before ?? {
            organizationId: principal.organizationId,
            webhookUrl: null,
            email: null,
            digestEnabled: true,
          }),
          ...input,
        }),
      );
      await this.audit.record(
        {
          ...this.entry(principal, 'mention.settings_updated', principal.organizationId, before, saved),
          targetType: 'mention_settings',
        },
        manager,
      );
      return saved;
    });
  }

  private normalize(input: WatchlistInput): WatchlistInput {
    const values: WatchlistInput = {
      ...input,
      name: input.name?.trim(),
      terms: clean(input.terms),
      handles: clean(input.handles),
      hashtags: clean(input.hashtags),
      exclusionTerms: clean(input.exclusionTerms),
    };
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  }

  private requireSomething(values: WatchlistInput): void {
    if (new MentionMatcher(values).empty) {
      throw new DomainError(ErrorCode.WatchlistEmpty);
    }
  }

  private entry(principal: AuthPrincipal, action: string, targetId: string, before: unknown, after: unknown) {
    return {
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      actorLabel: principal.email,
      action,
      targetType: 'mention_watchlist',
      targetId,
      before,
      after,
    };
  }
}
