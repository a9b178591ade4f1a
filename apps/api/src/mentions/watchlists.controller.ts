import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { WatchlistsService } from '@civic/mentions';
import { MentionSettingsDto } from './mention-settings.dto';
import { MentionSettingsResponse } from './mention-settings.response';
import { MENTION_READERS } from './mentions.controller';
import { UpdateWatchlistDto } from './update-watchlist.dto';
import { WatchlistDto } from './watchlist.dto';
import { WatchlistResponse } from './watchlist.response';

const MANAGERS = [UserRole.Admin, UserRole.MayorOffice];

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('api/v1/mentions')
export class WatchlistsController {
  constructor(private readonly watchlists: WatchlistsService) {}

  @Get('watchlists')
  @Roles(...MENTION_READERS)
  @ApiOkResponse({ type: [WatchlistResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.watchlists.list(principal.organizationId);
  }

  @Get('watchlists/:id')
  @Roles(...MENTION_READERS)
  @ApiOkResponse({ type: WatchlistResponse })
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.watchlists.get(principal.organizationId, id);
  }

  @Post('watchlists')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'New watchlist: terms, handles, hashtags, exclusions, spike rule' })
  @ApiCreatedResponse({ type: WatchlistResponse })
  create(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: WatchlistDto) {
    return this.watchlists.create(principal, body);
  }

  @Patch('watchlists/:id')
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: WatchlistResponse })
  update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateWatchlistDto,
  ) {
    return this.watchlists.update(principal, id, body);
  }

  @Delete('watchlists/:id')
  @HttpCode(204)
  @Roles(...MANAGERS)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.watchlists.remove(principal, id);
  }

  @Get('settings')
  @Roles(...MANAGERS, UserRole.Auditor)
  @ApiOkResponse({ type: MentionSettingsResponse })
  settings(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.watchlists.settings(principal.organizationId);
  }

  @Put('settings')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: 'Where spike alerts and digests go: webhook URL and/or e-mail (e-mail is an outbox only, no SMTP)',
  })
  @ApiOkResponse({ type: MentionSettingsResponse })
  updateSettings(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: MentionSettingsDto) {
    return this.watchlists.updateSettings(principal, body);
  }
}
