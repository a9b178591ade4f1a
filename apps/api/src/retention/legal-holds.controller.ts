import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LegalHoldService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { LegalHoldViewResponse } from './legal-hold-view.response';

/** Every legal hold of the organization in one list (placing and releasing are per conversation). */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/legal-holds')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHoldService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Auditor)
  @ApiOperation({ summary: 'Conversations on legal hold, newest first, with reason, who placed the hold and when' })
  @ApiOkResponse({ type: [LegalHoldViewResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.holds.listHolds(principal.organizationId);
  }
}
