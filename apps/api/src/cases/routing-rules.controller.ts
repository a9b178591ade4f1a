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
import { matchRules, RoutingRulesService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS, organizationActor } from './case-actor.from-principal';
import { CreateRoutingRuleDto } from './create-routing-rule.dto';
import { RoutingRuleTrialResponse } from './routing-rule-match.response';
import { RoutingRuleResponse } from './routing-rule.response';
import { TryRoutingRulesDto } from './try-routing-rules.dto';
import { UpdateRoutingRuleDto } from './update-routing-rule.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: [RoutingRuleResponse] })
  list(@CurrentPrincipal() p: AuthPrincipal) {
    return this.rules.list(p.organizationId);
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: RoutingRuleResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreateRoutingRuleDto) {
    return this.rules.create(organizationActor(p), body);
  }

  /** The suggestion's own matcher on a sample text, so an administrator sees which rule would win before a citizen writes. */
  @Post('try')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Which active rules a sample text matches, best first' })
  @ApiOkResponse({ type: RoutingRuleTrialResponse })
  async try(@CurrentPrincipal() p: AuthPrincipal, @Body() body: TryRoutingRulesDto): Promise<RoutingRuleTrialResponse> {
    const rules = await this.rules.list(p.organizationId, true);
    return {
      matches: matchRules(body.text, rules).map((m) => ({
        ruleId: m.rule.id,
        categoryId: m.rule.categoryId,
        categoryCode: m.rule.categoryCode,
        departmentId: m.rule.departmentId,
        matchedKeywords: m.matched,
        score: m.score,
      })),
    };
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: RoutingRuleResponse })
  update(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRoutingRuleDto,
  ) {
    return this.rules.update(organizationActor(p), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(UserRole.Admin)
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(organizationActor(p), id);
  }
}
