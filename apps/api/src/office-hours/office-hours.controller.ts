import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
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
import type { OfficeHoursActor } from '@civic/office-hours';
import { OfficeHoursSettingsService, PublicHolidaysService } from '@civic/office-hours';
import { CreatePublicHolidayDto } from './create-public-holiday.dto';
import { HolidaysQuery } from './holidays.query';
import { OfficeHoursResponse } from './office-hours.response';
import { PublicHolidayResponse } from './public-holiday.response';
import { UpdateOfficeHoursDto } from './update-office-hours.dto';
import { UpdatePublicHolidayDto } from './update-public-holiday.dto';

/** Everyone who works with cases and their deadlines reads the calendar; administrators change it. */
const CALENDAR_READERS = [UserRole.Admin, UserRole.Officer, UserRole.MayorOffice, UserRole.Auditor];

const actor = (p: AuthPrincipal): OfficeHoursActor => ({
  organizationId: p.organizationId,
  userId: p.userId,
  label: p.email,
});

@ApiTags('office-hours')
@ApiBearerAuth()
@Controller('api/v1/office-hours')
export class OfficeHoursController {
  constructor(
    private readonly settings: OfficeHoursSettingsService,
    private readonly holidays: PublicHolidaysService,
  ) {}

  @Get()
  @Roles(...CALENDAR_READERS)
  @ApiOperation({ summary: 'Weekly hours with lunch, time zone and the per-account out-of-hours reply switch' })
  @ApiOkResponse({ type: OfficeHoursResponse })
  get(@CurrentPrincipal() p: AuthPrincipal) {
    return this.settings.get(p.organizationId);
  }

  @Put()
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Change weekly hours, time zone or the out-of-hours reply per account (admin)' })
  @ApiOkResponse({ type: OfficeHoursResponse })
  update(@CurrentPrincipal() p: AuthPrincipal, @Body() body: UpdateOfficeHoursDto) {
    return this.settings.update(actor(p), body);
  }

  @Get('holidays')
  @Roles(...CALENDAR_READERS)
  @ApiOperation({ summary: "A year's public holidays (official and the organization's own)" })
  @ApiOkResponse({ type: [PublicHolidayResponse] })
  listHolidays(@CurrentPrincipal() p: AuthPrincipal, @Query() query: HolidaysQuery) {
    return this.holidays.list(p.organizationId, query.year);
  }

  @Post('holidays')
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: PublicHolidayResponse })
  createHoliday(@CurrentPrincipal() p: AuthPrincipal, @Body() body: CreatePublicHolidayDto) {
    return this.holidays.create(actor(p), body);
  }

  @Patch('holidays/:id')
  @Roles(UserRole.Admin)
  @ApiOkResponse({ type: PublicHolidayResponse })
  updateHoliday(
    @CurrentPrincipal() p: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePublicHolidayDto,
  ) {
    return this.holidays.update(actor(p), id, body);
  }

  @Delete('holidays/:id')
  @Roles(UserRole.Admin)
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteHoliday(@CurrentPrincipal() p: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.holidays.remove(actor(p), id);
  }
}
