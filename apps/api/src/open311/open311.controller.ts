import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@civic/auth';
import { Open311RequestResponse } from './open311-request.response';
import { Open311RequestsQuery } from './open311-requests.query';
import { Open311ServiceResponse } from './open311-service.response';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2, read only, anonymous; 404 unless the organization switched public data on. */
@ApiTags('open311')
@Controller('open311/v2/:organizationSlug')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('services.json')
  @Public()
  @ApiOperation({ summary: 'GeoReport v2 service list: the case categories' })
  @ApiOkResponse({ type: [Open311ServiceResponse] })
  services(@Param('organizationSlug') slug: string) {
    return this.open311.services(slug);
  }

  @Get('requests.json')
  @Public()
  @ApiOperation({
    summary:
      'GeoReport v2 service requests (no personal data, coordinates rounded to about 100 m), newest first, at most 1000',
  })
  @ApiOkResponse({ type: [Open311RequestResponse] })
  requests(@Param('organizationSlug') slug: string, @Query() query: Open311RequestsQuery) {
    return this.open311.requests(slug, query.toFilter());
  }

  @Get('requests/:id.json')
  @Public()
  @ApiOperation({ summary: 'One GeoReport v2 service request by its number (a one-element array)' })
  @ApiOkResponse({ type: [Open311RequestResponse] })
  request(@Param('organizationSlug') slug: string, @Param('id') id: string) {
    return this.open311.request(slug, id);
  }
}
