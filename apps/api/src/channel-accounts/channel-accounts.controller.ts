import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountAccessService, AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { ChannelAccountResponse } from './channel-account.response';
import { ChannelAccountsService } from './channel-accounts.service';
import { CreateChannelAccountDto } from './create-channel-account.dto';
import { UpdateChannelAccountDto } from './update-channel-account.dto';

@ApiTags('channel accounts')
@ApiBearerAuth()
@Controller('api/v1/channel-accounts')
export class ChannelAccountsController {
  constructor(
    private readonly service: ChannelAccountsService,
    private readonly access: AccountAccessService,
  ) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOkResponse({ type: [ChannelAccountResponse] })
  async list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.service.list(principal.organizationId, await this.access.accessibleAccountIds(principal));
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor)
  @ApiOkResponse({ type: ChannelAccountResponse })
  async get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    // An account outside the officer's grants is absent, as in the list.
    if (!(await this.access.canAccess(principal, id))) {
      throw new DomainError(ErrorCode.ChannelAccountNotFound, { id });
    }
    return this.service.get(principal.organizationId, id);
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: ChannelAccountResponse })
  create(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: CreateChannelAccountDto) {
    return this.service.create(principal, body);
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: ChannelAccountResponse })
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateChannelAccountDto,
  ) {
    return this.service.update(principal, id, body);
  }

  @Delete(':id')
  @Roles(UserRole.Admin)
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.remove(principal, id);
  }
}
