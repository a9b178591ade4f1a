import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { CasePhotoLocationService } from '@civic/cases';
import { CASE_WORKERS, caseActor } from './case-actor.from-principal';
import { CaseResponse } from './case.response';

/** "Fotoğraftaki konumu kullan": the case's location from the GPS position in one of its photos. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
@Scoped()
export class CasePhotoLocationController {
  constructor(private readonly photoLocation: CasePhotoLocationService) {}

  @Post(':id/location/from-photo')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary: "Set the case's location to the GPS position in its first photo that has one (case history: updated)",
  })
  @ApiOkResponse({ type: CaseResponse })
  @ApiConflictResponse({ description: 'case.photo_location_not_found' })
  fromPhoto(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    return this.photoLocation.apply(caseActor(p, scope), id);
  }
}
