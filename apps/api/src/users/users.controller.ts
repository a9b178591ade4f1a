import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles, SelfService } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { CreateUserDto } from './create-user.dto';
import { SessionsEndedResponse } from './sessions-ended.response';
import { UpdateMeDto } from './update-me.dto';
import { UpdateUserDto } from './update-user.dto';
import { UserResponse } from './user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  /** Any signed-in person: own locale, display name, password (with the current password). */
  @SelfService()
  @Patch('me')
  @ApiOkResponse({ type: UserResponse })
  updateMe(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: UpdateMeDto) {
    return this.service.updateMe(principal, body);
  }

  @Get()
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: [UserResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.service.list(principal.organizationId);
  }

  @Get(':id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: UserResponse })
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(principal.organizationId, id);
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: CreateUserDto) {
    return this.service.create(principal, body);
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: UserResponse })
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.service.update(principal, id, body);
  }

  /** Ends every session of the user (signs them out everywhere). */
  @Post(':id/sessions/end')
  @Roles(UserRole.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: SessionsEndedResponse })
  endSessions(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.endSessions(principal, id);
  }

  @Delete(':id')
  @Roles(UserRole.Admin)
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.remove(principal, id);
  }
}
