import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { CaseCategoriesService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { CASE_READERS, organizationActor } from './case-actor.from-principal';
import { CaseCategoryResponse } from './case-category.response';
import { CreateCaseCategoryDto } from './create-case-category.dto';
import { UpdateCaseCategoryDto } from './update-case-category.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/case-categories')
export class CaseCategoriesController {
  constructor(private readonly categories: CaseCategoriesService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: [CaseCategoryResponse] })
  list(@CurrentPrincipal() p: AuthPrincipal) {
    return this.categories.list(p.organizationId);
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: CaseCategoryResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreateCaseCategoryDto) {
    return this.categories.create(organizationActor(p), body);
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: CaseCategoryResponse })
  update(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCaseCategoryDto,
  ) {
    return this.categories.update(organizationActor(p), id, body);
  }
}
