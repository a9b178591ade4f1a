import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@civic/auth';
import { AppConfig } from '@civic/config';
import { GeoReportErrorFilter } from './georeport-error.filter';
import { Open311IntakeService } from './open311-intake.service';
import { Open311PostRequestDto } from './open311-post-request.dto';
import { Open311PostResponse } from './open311-post.response';
import { Open311RequestResponse } from './open311-request.response';
import { Open311RequestsQuery } from './open311-requests.query';
import { Open311ServiceResponse } from './open311-service.response';
import { Open311Service } from './open311.service';

/**
 * Open311 GeoReport v2; 404 unless the organization switched public data on. Reading is anonymous;
 * filing a request (POST requests.json) needs a client key an administrator issued.
 */
@ApiTags('open311')
@Controller('open311/v2/:organizationSlug')
export class Open311Controller {
  constructor(
    private readonly open311: Open311Service,
    private readonly intake: Open311IntakeService,
    private readonly config: AppConfig,
  ) {}

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

  @Post('requests.json')
  @Public()
  @HttpCode(201)
  @UseFilters(GeoReportErrorFilter)
  @ApiOperation({
    summary:
      'GeoReport v2: file a service request with a client key (form-encoded or JSON); errors as [{code, description}] (401 key, 400 field, 404 organization)',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: Open311PostRequestDto })
  @ApiCreatedResponse({ type: [Open311PostResponse] })
  async create(
    @Param('organizationSlug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
  ): Promise<Open311PostResponse[]> {
    const base = (this.config.env.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
    return [await this.intake.submit(slug, body, base)];
  }

  @Get('requests/:id.json')
  @Public()
  @ApiOperation({ summary: 'One GeoReport v2 service request by its number (a one-element array)' })
  @ApiOkResponse({ type: [Open311RequestResponse] })
  request(@Param('organizationSlug') slug: string, @Param('id') id: string) {
    return this.open311.request(slug, id);
  }
}
