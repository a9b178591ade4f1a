import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountScope, AuthPrincipal, CurrentPrincipal, CurrentScope, Roles, Scoped } from '@civic/auth';
import { CaseIntakeSettingsService, ManualCaseService, RoutingSuggestionService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS, CASE_WORKERS, caseActor, organizationActor } from './case-actor.from-principal';
import { CaseIntakeSettingsDto } from './case-intake-settings.dto';
import { CaseIntakeSettingsResponse } from './case-intake-settings.response';
import { CaseResponse } from './case.response';
import { CreateManualCaseDto } from './create-manual-case.dto';
import { ManualCaseSuggestionResponse } from './manual-case-suggestion.response';
import { SuggestManualCaseDto } from './suggest-manual-case.dto';

/** Cases recorded by hand: a phone call, a visit, an e-mail, a CİMER application. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller()
@Scoped()
export class ManualCasesController {
  constructor(
    private readonly manual: ManualCaseService,
    private readonly settings: CaseIntakeSettingsService,
    private readonly suggestions: RoutingSuggestionService,
  ) {}

  // A POST so the citizen's words stay out of URLs and access logs; nothing is stored.
  @Post('api/v1/cases/manual/suggest')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Suggested category and unit for a case being recorded by hand, from its text: the keyword rules’ and the learned model’s',
  })
  @ApiOkResponse({ type: ManualCaseSuggestionResponse })
  suggest(@CurrentPrincipal() p: AuthPrincipal, @Body() body: SuggestManualCaseDto) {
    return this.suggestions.suggestForText(p.organizationId, body.text);
  }

  @Post('api/v1/cases/manual')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Record a case that came by phone, in person, by e-mail or through CİMER (no conversation); tells a consenting citizen by e-mail or WhatsApp template',
  })
  @ApiCreatedResponse({ type: CaseResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @CurrentScope() scope: AccountScope, @Body() body: CreateManualCaseDto) {
    return this.manual.create(caseActor(p, scope), body);
  }

  @Get('api/v1/case-settings/intake')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: CaseIntakeSettingsResponse })
  getSettings(@CurrentPrincipal() p: AuthPrincipal) {
    return this.settings.get(p.organizationId);
  }

  @Put('api/v1/case-settings/intake')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'The CİMER answer period in working days (admin; default 15)' })
  @ApiOkResponse({ type: CaseIntakeSettingsResponse })
  setSettings(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CaseIntakeSettingsDto) {
    return this.settings.set(organizationActor(p), body);
  }
}
