import type { IncomingMessage } from 'node:http';
import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ContactErasureService } from '@civic/audit';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { ErasureCountsResponse } from './erasure-counts.response';
import { requestIdOf } from './request-id';

/** A citizen's KVKK erasure request (Article 7), carried out at once. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/contacts/:id/erasure')
export class ContactErasureController {
  constructor(private readonly erasure: ContactErasureService) {}

  @Post()
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: ErasureCountsResponse })
  erase(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: IncomingMessage,
  ) {
    return this.erasure.eraseContact(principal.organizationId, id, {
      userId: principal.userId,
      label: principal.email,
      requestId: requestIdOf(req),
    });
  }
}
