import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfficeCalendar } from '@civic/office-hours';

/**
 * A CİMER application's answer deadline: the closing time of the N-th working day after the
 * application date, on the organization's calendar (weekends and public holidays skipped).
 * Without an office calendar in the module (a slim test module) weekends alone are skipped, and
 * the day ends at 18:00 Istanbul time.
 */
@Injectable()
export class CimerDeadlineCalculator {
  constructor(@Optional() private readonly calendar?: OfficeCalendar) {}

  async deadline(
    manager: EntityManager,
    organizationId: string,
    applicationDate: string,
    workingDays: number,
  ): Promise<Date> {
    // Midday UTC falls on the same calendar day in every Turkish (and nearby) time zone.
    const from = new Date(`${applicationDate}T12:00:00Z`);
    if (this.calendar) {
      return this.calendar.addWorkingDays(organizationId, from, workingDays, manager);
    }
    const day = new Date(from);
    for (let left = workingDays; left > 0;) {
      day.setUTCDate(day.getUTCDate() + 1);
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) {
        left--;
      }
    }
    return new Date(`${day.toISOString().slice(0, 10)}T15:00:00Z`);
  }
}
