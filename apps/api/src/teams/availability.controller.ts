import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { AvailabilityService } from '@civic/teams';
import { AvailabilityResponse } from './availability.response';
import { SetAvailabilityDto } from './set-availability.dto';

/** Those who take conversations from teams. */
const WORKERS = [UserRole.Admin, UserRole.Officer];

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/users/me/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Roles(...WORKERS)
  @ApiOperation({ summary: "The caller's availability for team work (away, online)" })
  @ApiOkResponse({ type: AvailabilityResponse })
  get(@CurrentPrincipal() p: AuthPrincipal) {
    return this.availability.get({ organizationId: p.organizationId, userId: p.userId });
  }

  @Put()
  @Roles(...WORKERS)
  @ApiOperation({ summary: 'Mark yourself away (no new team work) or available (your teams’ queues come to you)' })
  @ApiOkResponse({ type: AvailabilityResponse })
  set(@CurrentPrincipal() p: AuthPrincipal, @Body() body: SetAvailabilityDto) {
    return this.availability.set({ organizationId: p.organizationId, userId: p.userId }, body.away);
  }
}
