import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { CasesService, DirectorateCasesService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { ConversationsService } from '@civic/inbox';
import { MediaLinkSigner } from '@civic/media';
import { CaseDetailResponse } from '../cases/case-detail.response';
import { CaseListResponse } from '../cases/case-list.response';
import { CaseOutcomeResponse } from '../cases/case-outcome.response';
import { CaseResponse } from '../cases/case.response';
import { MessageItemResponse } from '../inbox/thread-item.response';
import { directorateActor } from './directorate-actor';
import { DirectorateDepartmentResponse } from './directorate-department.response';
import { DirectorateNoteDto } from './directorate-note.dto';
import { DirectorateResolutionDto } from './directorate-resolution.dto';
import { DirectorateStatusDto } from './directorate-status.dto';
import { ListDirectorateCasesQuery } from './list-directorate-cases.query';

/**
 * The directorate (müdürlük) workspace: the cases of the caller's department and their citizens'
 * messages, nothing else. The department comes from the caller's user (directorateActor), so every
 * read and write here reaches only that department's cases; any other case or conversation is 404.
 */
@ApiTags('directorate')
@ApiBearerAuth()
@Controller('api/v1/directorate')
@Roles(UserRole.Directorate)
export class DirectorateController {
  constructor(
    private readonly directorate: DirectorateCasesService,
    private readonly cases: CasesService,
    private readonly conversations: ConversationsService,
    private readonly mediaLinks: MediaLinkSigner,
  ) {}

  @Get('department')
  @ApiOperation({ summary: "The caller's department (null when none is set)" })
  @ApiOkResponse({ type: DirectorateDepartmentResponse })
  department(@CurrentPrincipal() p: AuthPrincipal) {
    return this.directorate.department(directorateActor(p));
  }

  @Get('cases')
  @ApiOperation({ summary: "The department's cases, newest first (status, overdue, at risk, words)" })
  @ApiOkResponse({ type: CaseListResponse })
  list(@CurrentPrincipal() p: AuthPrincipal, @Query() query: ListDirectorateCasesQuery) {
    return this.cases.list(directorateActor(p).scope, query.toFilter());
  }

  @Get('cases/:id')
  @ApiOperation({ summary: "One case of the department with its history; 404 for any other department's case" })
  @ApiOkResponse({ type: CaseDetailResponse })
  get(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.get(directorateActor(p).scope, id);
  }

  @Get('conversations/:id/messages')
  @ApiOperation({
    summary:
      "The citizen's messages and the replies of a conversation with a case of the department (internal notes left out); 404 otherwise",
  })
  @ApiOkResponse({ type: [MessageItemResponse] })
  async messages(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    await this.directorate.requireConversation(directorateActor(p), id);
    const items = (await this.conversations.messages(p.organizationId, id)) as { internal?: boolean }[];
    return this.mediaLinks.withLinks(
      p.organizationId,
      items.filter((item) => item.internal === false),
    );
  }

  @Post('cases/:id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: "An internal note in the case's history (never sent to the citizen)" })
  @ApiOkResponse({ type: CaseResponse })
  addNote(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DirectorateNoteDto,
  ) {
    return this.directorate.addNote(directorateActor(p), id, body.text);
  }

  @Post('cases/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the status within the case transitions (in_progress: the work started)' })
  @ApiOkResponse({ type: CaseResponse })
  setStatus(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DirectorateStatusDto,
  ) {
    return this.directorate.setStatus(directorateActor(p), id, body.status, body.note);
  }

  @Post('cases/:id/proposal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose the resolution text an officer sends to the citizen (or edits first)' })
  @ApiOkResponse({ type: CaseResponse })
  propose(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DirectorateResolutionDto,
  ) {
    return this.directorate.propose(directorateActor(p), id, body.resolutionText);
  }

  @Post('cases/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Resolve and tell the citizen through the case resolution flow, when the department may (403 directorate.resolve_not_allowed otherwise)',
  })
  @ApiOkResponse({ type: CaseOutcomeResponse })
  resolve(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DirectorateResolutionDto,
  ) {
    return this.directorate.resolve(directorateActor(p), id, body.resolutionText);
  }
}
