import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import {
  CaseDuplicatesService,
  CaseForwardingService,
  CaseOpeningService,
  CaseResolutionService,
  CasesService,
  caseStatsCsv,
  CaseStatsService,
  RoutingSuggestionService,
} from '@civic/cases';
import { AssignCaseDto } from './assign-case.dto';
import { CASE_READERS, CASE_WORKERS, caseActor } from './case-actor.from-principal';
import { CaseDetailResponse } from './case-detail.response';
import { CaseDuplicatesQuery } from './case-duplicates.query';
import { DuplicateCandidatesResponse } from './case-duplicates.response';
import { CaseForwardedResponse } from './case-forwarded.response';
import { CaseListResponse } from './case-list.response';
import { CaseMergeResponse } from './case-merge.response';
import { CaseNoteDto } from './case-note.dto';
import { CaseOutcomeResponse } from './case-outcome.response';
import { CaseStatsQuery } from './case-stats.query';
import { CaseStatsResponse } from './case-stats.response';
import { CaseSuggestionResponse } from './case-suggestion.response';
import { CaseResponse } from './case.response';
import { CreateCaseDto } from './create-case.dto';
import { ForwardCaseDto } from './forward-case.dto';
import { ListCasesQuery } from './list-cases.query';
import { MergeCaseDto } from './merge-case.dto';
import { NotifyCitizenDto } from './notify-citizen.dto';
import { RejectCaseDto } from './reject-case.dto';
import { ResolveCaseDto } from './resolve-case.dto';
import { SuggestCaseQuery } from './suggest-case.query';
import { UpdateCaseDto } from './update-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
@Scoped()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly opening: CaseOpeningService,
    private readonly suggestions: RoutingSuggestionService,
    private readonly forwarding: CaseForwardingService,
    private readonly resolution: CaseResolutionService,
    private readonly statistics: CaseStatsService,
    private readonly duplicates: CaseDuplicatesService,
  ) {}

  @Get('suggest')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Suggested category and department/external body from the citizen’s words (keyword rules), and the learned model’s category',
  })
  @ApiOkResponse({ type: CaseSuggestionResponse })
  suggest(@CurrentScope() scope: AccountScope, @Query() query: SuggestCaseQuery) {
    return this.suggestions.suggest(scope, query.conversationId, query.messageId);
  }

  @Get('stats')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'Cases opened in [from, to): received, resolved, rejected, open; by department, category, channel; resolution times',
  })
  @ApiOkResponse({ type: CaseStatsResponse })
  stats(@CurrentScope() scope: AccountScope, @Query() query: CaseStatsQuery) {
    return this.statistics.stats(scope, query.from, query.to);
  }

  @Get('stats.csv')
  @Roles(...CASE_READERS)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="basvuru-istatistikleri.csv"')
  @ApiOperation({
    summary: 'The statistics as CSV for Excel: UTF-8 with BOM, ";" separator, decimal comma, Turkish headers',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async statsCsv(@CurrentScope() scope: AccountScope, @Query() query: CaseStatsQuery) {
    return caseStatsCsv(await this.statistics.stats(scope, query.from, query.to));
  }

  @Post()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Open a case (başvuru) from a conversation or one of its messages' })
  @ApiCreatedResponse({ type: CaseResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @CurrentScope() scope: AccountScope, @Body() body: CreateCaseDto) {
    return this.opening.create(caseActor(p, scope), body);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: CaseListResponse })
  list(@CurrentPrincipal() p: AuthPrincipal, @CurrentScope() scope: AccountScope, @Query() query: ListCasesQuery) {
    return this.cases.list(scope, query.toFilter(p.userId));
  }

  @Get(':id')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'A case with its full history and forwards' })
  @ApiOkResponse({ type: CaseDetailResponse })
  get(@CurrentScope() scope: AccountScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.get(scope, id);
  }

  @Get(':id/duplicates')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'Possible duplicates: open cases of the same category within radius metres (150) opened in the last days (14), nearest first',
  })
  @ApiOkResponse({ type: DuplicateCandidatesResponse })
  duplicatesOf(
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CaseDuplicatesQuery,
  ) {
    return this.duplicates.candidates(scope, id, query.radius, query.days);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary: 'Merge this open case into another (status merged; its conversation is linked to the surviving case)',
  })
  @ApiOkResponse({ type: CaseMergeResponse })
  merge(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MergeCaseDto,
  ) {
    return this.duplicates.merge(caseActor(p, scope), id, body.intoCaseId, body.note);
  }

  @Patch(':id')
  @Roles(...CASE_WORKERS)
  @ApiOkResponse({ type: CaseResponse })
  update(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCaseDto,
  ) {
    return this.cases.update(caseActor(p, scope), id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOkResponse({ type: CaseResponse })
  assign(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignCaseDto,
  ) {
    return this.cases.assign(caseActor(p, scope), id, body.departmentId, body.note);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOkResponse({ type: CaseResponse })
  start(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CaseNoteDto,
  ) {
    return this.cases.start(caseActor(p, scope), id, body.note);
  }

  @Post(':id/forward')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Forward to an external body: signed webhook (queued, retried) and/or e-mail outbox row' })
  @ApiOkResponse({ type: CaseForwardedResponse })
  forward(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ForwardCaseDto,
  ) {
    return this.forwarding.forward(caseActor(p, scope), id, body.externalBodyId, body.note);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Resolve and (by default) tell the citizen on their channel and thread; a refused reply keeps the resolution',
  })
  @ApiOkResponse({ type: CaseOutcomeResponse })
  resolve(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveCaseDto,
  ) {
    return this.resolution.resolve(caseActor(p, scope), id, body);
  }

  @Post(':id/notify')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Tell the citizen the outcome of a resolved or rejected case' })
  @ApiOkResponse({ type: CaseOutcomeResponse })
  notify(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NotifyCitizenDto,
  ) {
    return this.resolution.notifyOutcome(caseActor(p, scope), id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOkResponse({ type: CaseResponse })
  reject(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectCaseDto,
  ) {
    return this.cases.reject(caseActor(p, scope), id, body.reason, body.responsibleBodyId);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOkResponse({ type: CaseResponse })
  reopen(
    @CurrentPrincipal() p: AuthPrincipal,
    @CurrentScope() scope: AccountScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CaseNoteDto,
  ) {
    return this.cases.reopen(caseActor(p, scope), id, body.note);
  }
}
