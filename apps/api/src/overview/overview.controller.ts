import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, CurrentScope, Roles, Scoped } from '@civic/auth';
import { CASE_READERS } from '../cases/case-actor.from-principal';
import { OverviewResponse } from './overview.response';
import { OverviewService } from './overview.service';

/**
 * The overview is the mayor's office's landing page, but nothing in it is more than the case statistics and
 * mentions every inbox role already reads, so every inbox role may read it (narrowed to its accounts).
 */
@ApiTags('overview')
@ApiBearerAuth()
@Controller('api/v1/overview')
@Scoped()
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'This week (the last 7 local days) against the same span a week earlier: messages per channel, cases, top categories, late cases per department, mentions, top terms, spikes',
  })
  @ApiOkResponse({ type: OverviewResponse })
  get(@CurrentScope() scope: AccountScope) {
    return this.overview.week(scope);
  }
}
