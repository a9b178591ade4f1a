import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, CurrentScope, Roles, Scoped } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { ContactsService } from '@civic/inbox';
import { ContactHistoryResponse } from './contact-history.response';
import { ContactProfileResponse } from './contact-profile.response';
import { LinkContactDto } from './link-contact.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
@Scoped()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOperation({ summary: "A citizen's profile across linked channels, with their conversations" })
  @ApiOkResponse({ type: ContactProfileResponse })
  profile(@CurrentScope() scope: AccountScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.profile(scope, id);
  }

  @Post(':id/link')
  @HttpCode(200)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOperation({ summary: 'Mark two identities (e.g. WhatsApp and Instagram) as the same person' })
  @ApiOkResponse({ type: ContactProfileResponse })
  link(@CurrentScope() scope: AccountScope, @Param('id', ParseUUIDPipe) id: string, @Body() body: LinkContactDto) {
    return this.contacts.link(scope, id, body.otherContactId);
  }

  @Get(':id/history')
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOperation({ summary: 'Messages of the person across linked identities, newest first' })
  @ApiOkResponse({ type: ContactHistoryResponse })
  history(@CurrentScope() scope: AccountScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.history(scope, id);
  }
}
