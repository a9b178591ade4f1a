import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@civic/auth';
import { PublicRequestResponse } from './public-request.response';
import { PublicRequestService } from './public-request.service';

/** The data of a request's public page /r/:publicId (anonymous; 404 unless the organization's public data is on). */
@ApiTags('public')
@Controller('api/v1/public/requests')
export class PublicRequestsController {
  constructor(private readonly requests: PublicRequestService) {}

  @Get(':publicId')
  @Public()
  @ApiOperation({
    summary:
      'A request as its citizen may see it: number, category, status, dates, place (rounded), steps; no personal data',
  })
  @ApiOkResponse({ type: PublicRequestResponse })
  view(@Param('publicId') publicId: string) {
    return this.requests.view(publicId);
  }
}
