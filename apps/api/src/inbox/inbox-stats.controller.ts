import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, CurrentScope, Roles, Scoped } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { InboxStatsService } from '@civic/inbox';
import { InboxStatsQuery } from './inbox-stats.query';
import { InboxStatsResponse } from './inbox-stats.response';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/inbox/stats')
@Scoped()
export class InboxStatsController {
  constructor(private readonly stats: InboxStatsService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOperation({
    summary: 'Open counts; first-response and resolution time (median, p90) per channel, account, officer',
    description:
      'Conversations count by their first inbound message within [from, to]. Counts are exact. Medians and p90s ' +
      'are read from histograms with 1 % wide buckets (a daily rollup), so each differs from the exact ' +
      'percentile (percentile_cont over the same conversations) by at most 0.5 % of it plus 1.5 seconds ' +
      '(the bucket, and rounding to whole seconds).',
  })
  @ApiOkResponse({ type: InboxStatsResponse })
  get(@CurrentScope() scope: AccountScope, @Query() query: InboxStatsQuery) {
    const to = query.to ?? new Date();
    const from = query.from ?? new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    if (from > to) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['from must be before to'] });
    }
    return this.stats.stats(scope, from, to);
  }
}
