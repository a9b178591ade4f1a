import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { NeighbourhoodBoundariesService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS } from '../cases/case-actor.from-principal';
import { BoundarySetResponse, NeighbourhoodsOverviewResponse, OfficialPlacesResponse } from './neighbourhoods.response';
import { OfficialDistrictDto } from './official-district.dto';
import { OfficialPlacesQuery } from './official-places.query';
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

  @Get('official-places')
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'Provinces, and the districts of one, for choosing the official neighbourhood list (admin)',
  })
  @ApiOkResponse({ type: OfficialPlacesResponse })
  officialPlaces(@Query() query: OfficialPlacesQuery) {
    return this.boundaries.officialPlaces(query.cityCode);
  }

  @Put('official-district')
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary:
      'Use the official neighbourhood list of a district: its names join the uploaded polygons (a new version; cases recomputed in the background) (admin)',
  })
  @ApiOkResponse({ type: BoundarySetResponse })
  setOfficialDistrict(@CurrentPrincipal() p: AuthPrincipal, @Body() body: OfficialDistrictDto) {
    return this.boundaries.setOfficialDistrict({ organizationId: p.organizationId, userId: p.userId }, body);
  }

  @Delete('official-district')
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'Stop using the official neighbourhood list (a new version of the uploaded polygons alone) (admin)',
  })
  @ApiOkResponse({ type: BoundarySetResponse })
  clearOfficialDistrict(@CurrentPrincipal() p: AuthPrincipal) {
    return this.boundaries.setOfficialDistrict({ organizationId: p.organizationId, userId: p.userId }, null);
  }
}
