import { Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { MacrosService } from '@civic/automation';
import { UserRole } from '@civic/domain';
import { ConversationAccessGuard } from '../inbox/conversation-access.guard';
import { MacroRunResponse } from './macro-run.response';

@ApiTags('macros')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/macros')
@UseGuards(ConversationAccessGuard)
export class ConversationMacrosController {
  constructor(private readonly macros: MacrosService) {}

  /** Runs a personal or shared macro on the conversation: each action's result, in order. */
  @Post(':macroId/run')
  @HttpCode(200)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOkResponse({ type: MacroRunResponse })
  run(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @Param('macroId', new ParseUUIDPipe()) macroId: string,
  ) {
    return this.macros.run(principal, conversationId, macroId);
  }
}
