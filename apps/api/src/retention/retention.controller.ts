import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RetentionService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { requestIdOf } from './request-id';
import { RetentionSettingsResponse } from './retention-settings.response';
import { UpdateRetentionSettingsDto } from './update-retention-settings.dto';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: RetentionSettingsResponse })
  get(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.retention.settings(principal.organizationId);
  }

  @Put()
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: RetentionSettingsResponse })
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Body() body: UpdateRetentionSettingsDto,
    @Req() req: IncomingMessage,
  ) {
    return this.retention.updateSettings(
      principal.organizationId,
      { userId: principal.userId, label: principal.email, requestId: requestIdOf(req) },
      { retentionDays: body.retentionDays, maskPhoneNumbers: body.maskPhoneNumbers, maskNames: body.maskNames },
    );
  }
}
