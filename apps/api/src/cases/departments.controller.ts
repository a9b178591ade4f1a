import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { DepartmentPresetsService, DepartmentsService } from '@civic/cases';
import { UserRole } from '@civic/domain';
import { ApplyProvincePresetDto } from './apply-province-preset.dto';
import { CASE_READERS, organizationActor } from './case-actor.from-principal';
import { CreateDepartmentDto } from './create-department.dto';
import { DepartmentResponse } from './department.response';
import { ListDepartmentsQuery } from './list-departments.query';
import { PresetAppliedResponse, ProvincePresetResponse } from './province-preset.response';
import { UpdateDepartmentDto } from './update-department.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/departments')
export class DepartmentsController {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly presets: DepartmentPresetsService,
  ) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'Departments (müdürlükler) and external bodies (dış kurumlar) with the categories they own',
  })
  @ApiOkResponse({ type: [DepartmentResponse] })
  list(@CurrentPrincipal() p: AuthPrincipal, @Query() query: ListDepartmentsQuery) {
    return this.departments.list(p.organizationId, query.kind, query.archived ?? false);
  }

  @Get('presets')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Preset lists of external bodies by province (for "Hazır kurum listesi ekle")' })
  @ApiOkResponse({ type: [ProvincePresetResponse] })
  listPresets() {
    return this.presets.list();
  }

  @Post('presets')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary:
      "Add the province's external bodies the organization lacks; categories owned by a generic body move to the province's",
  })
  @ApiOkResponse({ type: PresetAppliedResponse })
  applyPreset(@CurrentPrincipal() p: AuthPrincipal, @Body() body: ApplyProvincePresetDto) {
    return this.presets.apply(organizationActor(p), body.province);
  }

  @Get(':id')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: DepartmentResponse })
  get(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.departments.get(p.organizationId, id);
  }

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: DepartmentResponse })
  create(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreateDepartmentDto) {
    return this.departments.create(organizationActor(p), body);
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: DepartmentResponse })
  update(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDepartmentDto,
  ) {
    return this.departments.update(organizationActor(p), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Archive: cases and statistics stay, no new cases' })
  @ApiNoContentResponse()
  async archive(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.departments.archive(organizationActor(p), id);
  }
}
