import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, CurrentScope, Roles, Scoped } from '@civic/auth';
import { CaseMapService, NeighbourhoodShadingService } from '@civic/cases';
import { AppConfig } from '@civic/config';
import { CASE_READERS } from './case-actor.from-principal';
import { CaseMapFilterQuery } from './case-map-filter.query';
import { CaseMapQuery } from './case-map.query';
import { CaseMapResponse, MapTilesResponse, NeighbourhoodShadingResponse } from './case-map.response';

/**
 * The case map. Registered ahead of CasesController so `/cases/map` is not read as a case id. The
 * directorate role is left out: it sees its department's cases on its own screens only.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases/map')
@Scoped()
export class CaseMapController {
  constructor(
    private readonly map: CaseMapService,
    private readonly shading: NeighbourhoodShadingService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'Cases with a location in the viewport as GeoJSON: one point per case, or grid clusters by zoom above 2000 cases',
  })
  @ApiOkResponse({ type: CaseMapResponse })
  cases(@CurrentScope() scope: AccountScope, @Query() query: CaseMapQuery) {
    return this.map.map(scope, query.box(), query.zoomLevel(), query.toFilter());
  }

  @Get('neighbourhoods')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'The active neighbourhoods as GeoJSON with their open cases and cases of the period (default 30 days)',
  })
  @ApiOkResponse({ type: NeighbourhoodShadingResponse })
  neighbourhoods(@CurrentScope() scope: AccountScope, @Query() query: CaseMapFilterQuery) {
    return this.shading.shading(scope, query.toFilter());
  }

  @Get('tiles')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'The tile server and the attribution it requires (MAP_TILE_URL, MAP_TILE_ATTRIBUTION)' })
  @ApiOkResponse({ type: MapTilesResponse })
  tiles(): MapTilesResponse {
    return { url: this.config.mapTileUrl, attribution: this.config.mapTileAttribution };
  }
}
