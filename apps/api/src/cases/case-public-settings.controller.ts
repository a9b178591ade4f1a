import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { CasePublicDataService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS, organizationActor } from './case-actor.from-principal';
import { CasePublicSettingsDto } from './case-public-settings.dto';
import { CasePublicSettingsResponse } from './case-public-settings.response';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/case-settings/public')
export class CasePublicSettingsController {
  constructor(private readonly publicData: CasePublicDataService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: CasePublicSettingsResponse })
  get(@CurrentPrincipal() p: AuthPrincipal) {
    return this.publicData.settings(p.organizationId);
  }

  @Put()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Switch the public transparency report and Open311 endpoints on or off (admin)' })
  @ApiOkResponse({ type: CasePublicSettingsResponse })
  set(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CasePublicSettingsDto) {
    return this.publicData.setPublicData(organizationActor(p), body.publicData);
  }
}
