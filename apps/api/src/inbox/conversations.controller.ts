import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AccountAccessService, AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { ConversationsService } from '@civic/inbox';
import { MediaLinkSigner } from '@civic/media';
import { ConversationTeamService } from '@civic/teams';
import { AddTagDto } from './add-tag.dto';
import { BulkActionDto } from './bulk-action.dto';
import { BulkResultResponse } from './bulk-result.response';
import { ConversationAccessGuard } from './conversation-access.guard';
import { ConversationPageResponse } from './conversation-page.response';
import { ConversationResponse } from './conversation.response';
import { CreateNoteDto } from './create-note.dto';
import { ListConversationsQuery } from './list-conversations.query';
import { MessageItemResponse, NoteItemResponse } from './thread-item.response';
import { UpdateConversationDto } from './update-conversation.dto';

const READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];
const WORKERS = [UserRole.Admin, UserRole.Officer];
const actor = (p: AuthPrincipal) => ({ userId: p.userId, organizationId: p.organizationId });

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/conversations')
@UseGuards(ConversationAccessGuard)
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly access: AccountAccessService,
    private readonly mediaLinks: MediaLinkSigner,
    private readonly teams: ConversationTeamService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The inbox: conversations of every channel, newest activity first (keyset pages)' })
  @ApiOkResponse({ type: ConversationPageResponse })
  async list(@CurrentPrincipal() principal: AuthPrincipal, @Query() query: ListConversationsQuery) {
    const accountIds = await this.access.accessibleAccountIds(principal);
    return this.conversations.list(
      actor(principal),
      { ...query.toFilter(), accountIds },
      query.limit ?? 25,
      query.cursor,
    );
  }

  @Post('bulk')
  @HttpCode(200)
  @Roles(...WORKERS)
  @ApiOperation({ summary: 'Assign, tag, close or mark read many conversations (ids ≤ 500, or a filter)' })
  @ApiOkResponse({ type: BulkResultResponse })
  async bulk(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: BulkActionDto) {
    const accountIds = await this.access.accessibleAccountIds(principal);
    const target = body.ids ? { ids: body.ids, accountIds } : { filter: body.filter!.toFilter(), accountIds };
    return this.conversations.bulk(actor(principal), target, body.action, body.value);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ConversationResponse })
  get(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.conversations.get(principal.organizationId, id);
  }

  @Get(':id/messages')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Messages in order, internal notes interleaved (internal: true)' })
  @ApiExtraModels(MessageItemResponse, NoteItemResponse)
  @ApiOkResponse({
    schema: {
      type: 'array',
      items: { oneOf: [{ $ref: getSchemaPath(MessageItemResponse) }, { $ref: getSchemaPath(NoteItemResponse) }] },
    },
  })
  async messages(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    // The guard has checked the caller may read this conversation: its media get signed links.
    return this.mediaLinks.withLinks(
      principal.organizationId,
      await this.conversations.messages(principal.organizationId, id),
    );
  }

  @Patch(':id')
  @Roles(...WORKERS)
  @ApiOperation({ summary: 'Set status, assignee (null unassigns), team (round robin) or tags' })
  @ApiOkResponse({ type: ConversationResponse })
  async update(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateConversationDto,
  ) {
    const { teamId, ...changes } = body;
    // The team first: an assignee named in the same request wins over the round robin.
    if (teamId !== undefined) {
      await this.teams.setTeam(actor(principal), id, teamId);
    }
    return this.conversations.update(actor(principal), id, changes);
  }

  @Post(':id/tags')
  @HttpCode(200)
  @Roles(...WORKERS)
  @ApiOkResponse({ type: ConversationResponse })
  addTag(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddTagDto,
  ) {
    return this.conversations.addTag(actor(principal), id, body.tag);
  }

  @Delete(':id/tags/:tag')
  @Roles(...WORKERS)
  @ApiOkResponse({ type: ConversationResponse })
  removeTag(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('tag') tag: string,
  ) {
    return this.conversations.removeTag(actor(principal), id, tag);
  }

  @Post(':id/notes')
  @Roles(...WORKERS)
  @ApiCreatedResponse({ type: NoteItemResponse })
  addNote(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateNoteDto,
  ) {
    return this.conversations.addNote(actor(principal), id, body.text);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...WORKERS)
  @ApiOkResponse({ type: ConversationResponse })
  markRead(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.conversations.markRead(actor(principal), id);
  }
}
