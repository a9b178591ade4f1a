import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { CannedResponsesService } from '@civic/inbox';
import { CannedResponseDto } from './canned-response.dto';
import { CannedResponseResponse } from './canned-response.response';
import { RenderCannedResponseQuery } from './render-canned-response.query';
import { RenderedCannedResponseResponse } from './rendered-canned-response.response';
import { UpdateCannedResponseDto } from './update-canned-response.dto';

const READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];

@ApiTags('canned responses')
@ApiBearerAuth()
@Controller('api/v1/canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponsesService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [CannedResponseResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.canned.list(principal);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: CannedResponseResponse })
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.canned.get(principal, id);
  }

  @Get(':id/render')
  @Roles(...READERS)
  @Scoped()
  @ApiOperation({
    summary:
      'The template with {{ad}}, {{kurum}}, {{hesap}}, {{başvuruNo}} (English aliases too) filled for a conversation',
  })
  @ApiOkResponse({ type: RenderedCannedResponseResponse })
  render(
    @CurrentPrincipal() principal: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RenderCannedResponseQuery,
  ) {
    return this.canned.render(principal, scope, id, query.conversationId);
  }

  /** Every officer keeps personal templates; shared ones (shared: true) are the administrators'. */
  @Post()
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiCreatedResponse({ type: CannedResponseResponse })
  create(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: CannedResponseDto) {
    return this.canned.create(principal, body);
  }

  @Patch(':id')
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOkResponse({ type: CannedResponseResponse })
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCannedResponseDto,
  ) {
    return this.canned.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.canned.remove(principal, id);
  }
}
