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
import { toConversationAction } from '@civic/automation';
import { AutomationRulesService, RuleDryRunService } from '@civic/automation-rules';
import type { AutomationRuleActor, AutomationRuleDefinition } from '@civic/automation-rules';
import { UserRole } from '@civic/domain';
import { AutomationRuleResponse } from './automation-rule.response';
import { CreateAutomationRuleDto } from './create-automation-rule.dto';
import { DryRunResponse } from './dry-run.response';
import { ReorderAutomationRulesDto } from './reorder-automation-rules.dto';
import { TryAutomationRuleDto } from './try-automation-rule.dto';
import { TrySavedRuleDto } from './try-saved-rule.dto';
import { UpdateAutomationRuleDto } from './update-automation-rule.dto';

const actor = (p: AuthPrincipal): AutomationRuleActor => ({
  organizationId: p.organizationId,
  userId: p.userId,
  label: p.email,
});

function definition<T extends Partial<CreateAutomationRuleDto>>(body: T) {
  const { enabled, ...rest } = body;
  return {
    ...rest,
    ...(rest.conditions ? { conditions: rest.conditions.map((c) => ({ ...c })) } : {}),
    ...(rest.actions ? { actions: rest.actions.map(toConversationAction) } : {}),
    ...(enabled !== undefined ? { enabled } : {}),
  } as Partial<AutomationRuleDefinition> & { enabled?: boolean };
}

/** Automation rules (issue 26): administrators only; the dry run changes nothing. */
@ApiTags('automation-rules')
@ApiBearerAuth()
@Controller('api/v1/automation-rules')
@Roles(UserRole.Admin)
export class AutomationRulesController {
  constructor(
    private readonly rules: AutomationRulesService,
    private readonly dryRun: RuleDryRunService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The rules in their order' })
  @ApiOkResponse({ type: [AutomationRuleResponse] })
  list(@CurrentPrincipal() p: AuthPrincipal) {
    return this.rules.list(p.organizationId);
  }

  @Post()
  @ApiOperation({ summary: 'Add a rule at the end (off unless enabled is true)' })
  @ApiCreatedResponse({ type: AutomationRuleResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreateAutomationRuleDto) {
    return this.rules.create(actor(p), definition(body) as AutomationRuleDefinition & { enabled?: boolean });
  }

  @Put('order')
  @ApiOperation({ summary: 'Reorder: every rule id once, first to last' })
  @ApiOkResponse({ type: [AutomationRuleResponse] })
  reorder(@CurrentPrincipal() p: AuthPrincipal, @Body() body: ReorderAutomationRulesDto) {
    return this.rules.reorder(actor(p), body.ids);
  }

  @Post('try')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dry run of an unsaved rule over the last messages (default 500): matches, nothing changed',
  })
  @ApiOkResponse({ type: DryRunResponse })
  try(@CurrentPrincipal() p: AuthPrincipal, @Body() body: TryAutomationRuleDto) {
    const { limit, ...rule } = body;
    const tried = definition(rule) as AutomationRuleDefinition;
    this.rules.check(tried);
    return this.dryRun.run(p.organizationId, tried, limit);
  }

  @Get(':id')
  @ApiOkResponse({ type: AutomationRuleResponse })
  get(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(p.organizationId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a rule; `{ "enabled": true }` switches it on' })
  @ApiOkResponse({ type: AutomationRuleResponse })
  update(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAutomationRuleDto,
  ) {
    return this.rules.update(actor(p), id, definition(body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(actor(p), id);
  }

  @Post(':id/try')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run of a saved rule over the last messages (default 500)' })
  @ApiOkResponse({ type: DryRunResponse })
  async trySaved(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TrySavedRuleDto,
  ) {
    const rule = await this.rules.get(p.organizationId, id);
    return this.dryRun.run(p.organizationId, rule, body.limit);
  }
}
