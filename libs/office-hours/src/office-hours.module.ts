import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { OfficeCalendar } from './office-calendar';
import { OfficeCalendarService } from './office-calendar.service';
import { OfficeHoursSettingsService } from './office-hours-settings.service';
import { OfficeHoursSeeder } from './office-hours.seeder';
import { PublicHolidaysService } from './public-holidays.service';

const PROVIDERS = [OfficeHoursSeeder, OfficeCalendarService, OfficeHoursSettingsService, PublicHolidaysService];

/** The office calendar (hours, lunch, time zone, holidays) for any module that counts working time, and its settings. */
@Module({
  imports: [AuditModule],
  providers: [...PROVIDERS, { provide: OfficeCalendar, useExisting: OfficeCalendarService }],
  exports: [...PROVIDERS, OfficeCalendar],
})
export class OfficeHoursModule {}
