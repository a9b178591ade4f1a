import { Module } from '@nestjs/common';
import { OfficeCalendar } from './office-calendar';
import { OfficeCalendarService } from './office-calendar.service';
import { OfficeHoursSeeder } from './office-hours.seeder';

/** The office calendar (hours, lunch, time zone, holidays) for any module that counts working time. */
@Module({
  providers: [
    OfficeHoursSeeder,
    OfficeCalendarService,
    { provide: OfficeCalendar, useExisting: OfficeCalendarService },
  ],
  exports: [OfficeCalendar, OfficeCalendarService, OfficeHoursSeeder],
})
export class OfficeHoursModule {}
