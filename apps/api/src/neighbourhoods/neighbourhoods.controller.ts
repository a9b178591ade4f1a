import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { NeighbourhoodBoundariesService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS } from '../cases/case-actor.from-principal';
import { BoundarySetResponse, NeighbourhoodsOverviewResponse } from './neighbourhoods.response';
import { UploadBoundariesDto } from './upload-boundaries.dto';

@ApiTags('neighbourhoods')
@ApiBearerAuth()
@Controller('api/v1/neighbourhoods')
@Scoped()
export class NeighbourhoodsController {
  constructor(private readonly boundaries: NeighbourhoodBoundariesService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'Uploaded boundary versions and the active neighbourhoods with their case counts (open and all)',
  })
  @ApiOkResponse({ type: NeighbourhoodsOverviewResponse })
  overview(@CurrentScope() scope: AccountScope) {
    return this.boundaries.overview(scope);
  }

  @Post('boundaries')
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary:
      'Upload neighbourhood boundaries (GeoJSON, at most 5 MB): a new active version; existing cases are recomputed in the background (admin)',
  })
  @ApiCreatedResponse({ type: BoundarySetResponse })
  upload(@CurrentPrincipal() p: AuthPrincipal, @Body() body: UploadBoundariesDto) {
    return this.boundaries.upload({ organizationId: p.organizationId, userId: p.userId }, body);
  }
}
