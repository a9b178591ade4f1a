import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { ConversationAccessGuard } from '../inbox/conversation-access.guard';
import { ConversationPresenceResponse } from './conversation-presence.response';
import { ConversationPresenceService } from './conversation-presence.service';
import { ReportPresenceDto } from './report-presence.dto';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/presence')
@UseGuards(ConversationAccessGuard)
export class ConversationPresenceController {
  constructor(private readonly presence: ConversationPresenceService) {}

  @Post()
  @HttpCode(200)
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice)
  @ApiOperation({
    summary:
      'The caller views, types in or left the conversation: announced (conversation.presence) to the others who may see it',
  })
  @ApiOkResponse({ type: ConversationPresenceResponse })
  async report(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @Body() body: ReportPresenceDto,
  ): Promise<ConversationPresenceResponse> {
    const others = await this.presence.report(principal, conversationId, body.state);
    return { others, ...this.presence.lifetime };
  }
}
