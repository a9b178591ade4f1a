import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
import { TeamsService } from '@civic/teams';
import { CreateTeamDto } from './create-team.dto';
import { TeamResponse } from './team.response';
import { UpdateTeamDto } from './update-team.dto';

/** Those who work the inbox read teams (filters, assignment); administrators change them. */
const TEAM_READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];

const actor = (p: AuthPrincipal) => ({ organizationId: p.organizationId, userId: p.userId });

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Roles(...TEAM_READERS)
  @ApiOperation({ summary: 'Teams with members (online, away, open work), queue and open counts' })
  @ApiOkResponse({ type: [TeamResponse] })
  list(@CurrentPrincipal() p: AuthPrincipal) {
    return this.teams.list(actor(p));
  }

  @Get(':id')
  @Roles(...TEAM_READERS)
  @ApiOkResponse({ type: TeamResponse })
  get(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.teams.get(actor(p), id);
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Create a team with members and a per-member cap of open conversations (admin)' })
  @ApiCreatedResponse({ type: TeamResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreateTeamDto) {
    return this.teams.create(actor(p), body);
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Change a team; memberIds replaces the members (admin)' })
  @ApiOkResponse({ type: TeamResponse })
  update(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTeamDto) {
    return this.teams.update(actor(p), id, body);
  }

  @Delete(':id')
  @Roles(UserRole.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a team; its queued conversations return to the general inbox (admin)' })
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.teams.remove(actor(p), id);
  }
}
