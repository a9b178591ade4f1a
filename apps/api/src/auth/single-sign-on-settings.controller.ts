import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles, SingleSignOnSettingsService, UpdateSingleSignOnSettingsDto } from '@civic/auth';
import { UserRole } from '@civic/domain';

/** The organization's single sign-on setting (administrators only; the client secret is write-only). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/sso-settings')
export class SingleSignOnSettingsController {
  constructor(
    private readonly settings: SingleSignOnSettingsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles(UserRole.Admin)
  get(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.settings.get(principal.organizationId);
  }

  @Put()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Replace the setting; clientSecret omitted keeps the stored one' })
  async update(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: UpdateSingleSignOnSettingsDto) {
    const { before, after } = await this.settings.update(principal.organizationId, principal.userId, body);
    await this.audit.record({
      organizationId: principal.organizationId, actorUserId: principal.userId, action: 'sso.settings_updated', targetType: 'organization', targetId: principal.organizationId,
      before, after: { ...after, clientSecretChanged: body.clientSecret !== undefined },
    });
    return after;
  }
}
