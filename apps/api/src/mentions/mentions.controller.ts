import { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@civic/audit';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { istanbulDate, MentionDigestService, MentionQueryService, previousDate } from '@civic/mentions';
import { ListMentionsQuery } from './list-mentions.query';
import { MentionAuthorResponse } from './mention-author.response';
import { MentionDigestQuery } from './mention-digest.query';
import { MentionDigestResponse } from './mention-digest.response';
import { MentionFilterQuery } from './mention-filter.query';
import { MentionPageResponse } from './mention-page.response';
import { MentionTermResponse } from './mention-term.response';
import { MentionVolumeQuery } from './mention-volume.query';
import { MentionVolumeResponse } from './mention-volume.response';
import { TopMentionsQuery } from './top-mentions.query';

/**
 * Mentions are public posts, so every inbox role may read them: officers answer the citizens behind them.
 * Watchlists and settings are managed by administrators and the mayor's office only.
 */
export const MENTION_READERS = [UserRole.Admin, UserRole.MayorOffice, UserRole.Auditor, UserRole.Officer];

const HOUR_MS = 3_600_000;

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('api/v1/mentions')
@Scoped()
export class MentionsController {
  constructor(
    private readonly mentions: MentionQueryService,
    private readonly digests: MentionDigestService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles(...MENTION_READERS)
  @ApiOperation({
    summary:
      'Mention feed, newest first (filters: watchlist, channel, from/to, author, minReach, sentiment; keyset cursor)',
  })
  @ApiOkResponse({ type: MentionPageResponse })
  list(@CurrentScope() scope: AccountScope, @Query() query: ListMentionsQuery) {
    const { cursor, limit, ...filter } = query;
    return this.mentions.list(scope, filter, cursor, limit);
  }

  @Get('volume')
  @Roles(...MENTION_READERS)
  @ApiOperation({ summary: 'Mentions per hour or per Istanbul day, zero-filled' })
  @ApiOkResponse({ type: MentionVolumeResponse })
  volume(@CurrentScope() scope: AccountScope, @Query() query: MentionVolumeQuery) {
    const to = query.to ?? new Date();
    const from = query.from ?? new Date(to.getTime() - (query.bucket === 'hour' ? 48 : 30 * 24) * HOUR_MS);
    return this.mentions.volume(
      scope,
      { watchlistId: query.watchlistId, channel: query.channel, from, to },
      query.bucket,
    );
  }

  @Get('top-authors')
  @Roles(...MENTION_READERS)
  @ApiOkResponse({ type: [MentionAuthorResponse] })
  topAuthors(@CurrentScope() scope: AccountScope, @Query() query: TopMentionsQuery) {
    const { limit, ...filter } = query;
    return this.mentions.topAuthors(scope, filter, limit);
  }

  @Get('top-terms')
  @Roles(...MENTION_READERS)
  @ApiOperation({ summary: 'Words that co-occur with the watch terms (folded, Turkish stop words removed)' })
  @ApiOkResponse({ type: [MentionTermResponse] })
  topTerms(@CurrentScope() scope: AccountScope, @Query() query: TopMentionsQuery) {
    const { limit, ...filter } = query;
    return this.mentions.topTerms(scope, filter, limit);
  }

  @Get('digest')
  @Roles(...MENTION_READERS)
  @ApiOperation({ summary: "A day's digest: the stored one (made at 08:00 Istanbul) or computed now" })
  @ApiOkResponse({ type: MentionDigestResponse })
  digest(@CurrentPrincipal() principal: AuthPrincipal, @Query() query: MentionDigestQuery) {
    return this.digests.get(principal.organizationId, query.date ?? previousDate(istanbulDate(new Date())));
  }

  @Get('export.csv')
  @Roles(...MENTION_READERS)
  @ApiOperation({ summary: 'The filtered mentions as CSV (UTF-8 with BOM), streamed' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async exportCsv(
    @CurrentPrincipal() principal: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Query() filter: MentionFilterQuery,
    @Req() req: IncomingMessage,
  ): Promise<StreamableFile> {
    // Data leaving the system is on the record.
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      actorLabel: principal.email,
      action: 'mention.exported',
      targetType: 'mention',
      after: { filter },
      requestId: (req.headers['x-request-id'] as string | undefined) ?? null,
    });
    const out = new PassThrough();
    this.mentions.exportCsv(scope, filter, out).then(
      () => out.end(),
      (error) => out.destroy(error),
    );
    return new StreamableFile(out, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="bahsetmeler-${istanbulDate(new Date())}.csv"`,
    });
  }
}
