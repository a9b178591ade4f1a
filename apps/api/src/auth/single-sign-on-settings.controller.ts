import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '@civic/audit';
import {
  AuthPrincipal,
  CurrentPrincipal,
  Roles,
  SingleSignOnSettingsService,
  UpdateSingleSignOnSettingsDto,
} from '@civic/auth';
import { AppConfig } from '@civic/config';
import { UserRole } from '@civic/domain';
import { SingleSignOnSettingsResponse } from './single-sign-on-settings.response';

/** The organization's single sign-on setting (administrators only; the client secret is write-only). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/sso-settings')
export class SingleSignOnSettingsController {
  constructor(
    private readonly settings: SingleSignOnSettingsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: SingleSignOnSettingsResponse })
  async get(@CurrentPrincipal() principal: AuthPrincipal, @Req() req: Request) {
    return {
      ...(await this.settings.get(principal.organizationId)),
      redirectUri: await this.redirectUri(principal, req),
    };
  }

  @Put()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Replace the setting; clientSecret omitted keeps the stored one' })
  @ApiOkResponse({ type: SingleSignOnSettingsResponse })
  async update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Body() body: UpdateSingleSignOnSettingsDto,
    @Req() req: Request,
  ) {
    const { before, after } = await this.settings.update(principal.organizationId, principal.userId, body);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'sso.settings_updated',
      targetType: 'organization',
      targetId: principal.organizationId,
      before,
      after: { ...after, clientSecretChanged: body.clientSecret !== undefined },
    });
    return { ...after, redirectUri: await this.redirectUri(principal, req) };
  }

  /** The URI to register at the identity provider (PUBLIC_URL, else this request's origin). */
  private redirectUri(principal: AuthPrincipal, req: Request): Promise<string> {
    const base = (this.config.env.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
    return this.settings.redirectUri(principal.organizationId, base);
  }
}
