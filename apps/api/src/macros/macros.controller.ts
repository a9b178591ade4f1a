import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { MacrosService, toConversationAction } from '@civic/automation';
import { UserRole } from '@civic/domain';
import { MacroDto } from './macro.dto';
import { MacroResponse } from './macro.response';
import { UpdateMacroDto } from './update-macro.dto';

/** Macros: every officer keeps personal ones; shared ones (shared: true) are the administrators'. */
@ApiTags('macros')
@ApiBearerAuth()
@Controller('api/v1/macros')
export class MacrosController {
  constructor(private readonly macros: MacrosService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOkResponse({ type: [MacroResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.macros.list(principal);
  }

  @Post()
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiCreatedResponse({ type: MacroResponse })
  create(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: MacroDto) {
    return this.macros.create(principal, { ...body, actions: body.actions.map(toConversationAction) });
  }

  @Patch(':id')
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiOkResponse({ type: MacroResponse })
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMacroDto,
  ) {
    return this.macros.update(principal, id, { ...body, actions: body.actions?.map(toConversationAction) });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(UserRole.Admin, UserRole.Officer)
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    await this.macros.remove(principal, id);
  }
}
