import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { ContactTagsService } from '@civic/automation-rules';
import { UserRole } from '@civic/domain';
import { ContactTagsDto, ContactTagsResponse } from './contact-tags.dto';

/** The officers' tags on a citizen (automation rules' contact_tag condition reads them). */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
@Scoped()
export class ContactTagsController {
  constructor(private readonly tags: ContactTagsService) {}

  @Get(':id/tags')
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOperation({ summary: "The contact's tags" })
  @ApiOkResponse({ type: ContactTagsResponse })
  get(@CurrentScope() scope: AccountScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.tags.get(scope, id);
  }

  @Put(':id/tags')
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOperation({ summary: "Replaces the contact's tags (lower-cased, each once; audited)" })
  @ApiOkResponse({ type: ContactTagsResponse })
  set(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ContactTagsDto,
  ) {
    return this.tags.set(scope, { userId: p.userId, label: p.email }, id, body.tags);
  }
}
