import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { RoutingRulesService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS, organizationActor } from './case-actor.from-principal';
import { CreateRoutingRuleDto } from './create-routing-rule.dto';
import { RoutingRuleResponse } from './routing-rule.response';
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
