import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@civic/auth';
import { CasePublicDataService } from '@civic/cases';
import { TransparencyReportResponse } from './transparency-report.response';
import { TransparencyQuery } from './transparency.query';

/** Anonymous totals by department and month; 404 unless the organization switched public data on. */
@ApiTags('public')
@Controller('public/v1/:organizationSlug')
export class PublicTransparencyController {
  constructor(private readonly publicData: CasePublicDataService) {}

  @Get('transparency')
  @Public()
  @ApiOperation({
    summary: 'Cases received and resolved by department and month, median resolution hours (no personal data)',
  })
  @ApiOkResponse({ type: TransparencyReportResponse })
  transparency(@Param('organizationSlug') slug: string, @Query() query: TransparencyQuery) {
    return this.publicData.transparency(slug, query.months);
  }
}
