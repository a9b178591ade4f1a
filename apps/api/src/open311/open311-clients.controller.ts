import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { CasePublicDataService } from '@civic/cases';
import { AppConfig } from '@civic/config';
import { UserRole } from '@civic/domain';
import { CreateOpen311ClientDto } from './create-open311-client.dto';
import { CreatedOpen311ClientResponse, Open311ClientResponse } from './open311-client.response';
import { Open311ClientActor, Open311ClientService } from './open311-client.service';
import { PublicDataInfoResponse } from './public-urls.response';

const actorOf = (p: AuthPrincipal): Open311ClientActor => ({
  organizationId: p.organizationId,
  userId: p.userId,
  label: p.email,
});

/** Administrators: the keys of the city apps that file Open311 requests, and the organization's public URLs. */
@ApiTags('open311')
@ApiBearerAuth()
@Controller('api/v1/open311')
export class Open311ClientsController {
  constructor(
    private readonly clients: Open311ClientService,
    private readonly publicData: CasePublicDataService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Get('clients')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: [Open311ClientResponse] })
  list(@CurrentPrincipal() p: AuthPrincipal) {
    return this.clients.list(p.organizationId);
  }

  @Post('clients')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Issue a key to a city app or web form (the key is in this answer only)' })
  @ApiCreatedResponse({ type: CreatedOpen311ClientResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreateOpen311ClientDto) {
    return this.clients.create(actorOf(p), body.name);
  }

  @Delete('clients/:id')
  @Roles(UserRole.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: its requests are refused with 401 from now on' })
  @ApiNoContentResponse()
  revoke(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.clients.revoke(actorOf(p), id);
  }

  @Get('public-info')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: "The public data switch, the organization's slug and its public URLs" })
  @ApiOkResponse({ type: PublicDataInfoResponse })
  async publicInfo(@CurrentPrincipal() p: AuthPrincipal, @Req() req: Request): Promise<PublicDataInfoResponse> {
    const [org] = await this.dataSource.query(`SELECT slug FROM organization WHERE id = $1`, [p.organizationId]);
    const { publicData } = await this.publicData.settings(p.organizationId);
    const base = (this.config.env.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
    const open311Base = `${base}/open311/v2/${org.slug}`;
    return {
      publicData,
      slug: org.slug,
      urls: {
        open311Base,
        services: `${open311Base}/services.json`,
        requests: `${open311Base}/requests.json`,
        transparency: `${base}/public/v1/${org.slug}/transparency`,
        requestPage: `${base}/r/`,
      },
    };
  }
}
