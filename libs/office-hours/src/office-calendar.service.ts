import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WeekdayHours } from '@civic/domain';
import { OfficeCalendar } from './office-calendar';
import { OfficeHoursSeeder } from './office-hours.seeder';
import type { CalendarHoliday } from './working-calendar';
import { WorkingCalendar } from './working-calendar';

/** How long a process keeps an organization's calendar; another api replica's edit shows after at most this. */
const CACHE_MS = 60_000;

/**
 * OfficeCalendar over the organization's stored hours and holidays, each organization's calendar
 * read once and kept for a minute (edits through this process drop it at once).
 */
@Injectable()
export class OfficeCalendarService extends OfficeCalendar {
  private readonly cache = new Map<string, { calendar: WorkingCalendar; loadedAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly seeder: OfficeHoursSeeder,
  ) {
    super();
  }

  /** The organization's calendar (seeded with the defaults on first use). */
  async calendarOf(organizationId: string, manager?: EntityManager): Promise<WorkingCalendar> {
    const hit = this.cache.get(organizationId);
    if (hit && Date.now() - hit.loadedAt < CACHE_MS) {
      return hit.calendar;
    }
    await this.seeder.ensureSeeded(organizationId, manager);
    const db = manager ?? this.dataSource.manager;
    const [settings]: { time_zone: string; weekly: WeekdayHours[] }[] = await db.query(
      `SELECT time_zone, weekly FROM office_hours WHERE organization_id = $1`,
      [organizationId],
    );
    const holidays: { date: string; half_day: boolean; closes_at: string | null }[] = await db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, half_day, closes_at FROM public_holiday WHERE organization_id = $1`,
      [organizationId],
    );
    const calendar = new WorkingCalendar(
      settings.time_zone,
      settings.weekly,
      holidays.map((h): CalendarHoliday => ({ date: h.date, halfDay: h.half_day, closesAt: h.closes_at })),
    );
    this.cache.set(organizationId, { calendar, loadedAt: Date.now() });
    return calendar;
  }

  invalidate(organizationId: string): void {
    this.cache.delete(organizationId);
  }

  async isOpen(organizationId: string, at: Date, manager?: EntityManager): Promise<boolean> {
    return (await this.calendarOf(organizationId, manager)).isOpen(at);
  }

  async nextOpening(organizationId: string, at: Date, manager?: EntityManager): Promise<Date> {
    return (await this.calendarOf(organizationId, manager)).nextOpening(at);
  }

  async closedPeriodStart(organizationId: string, at: Date, manager?: EntityManager): Promise<Date | null> {
    return (await this.calendarOf(organizationId, manager)).closedPeriodStart(at);
  }

  async addWorkingHours(organizationId: string, from: Date, hours: number, manager?: EntityManager): Promise<Date> {
    return (await this.calendarOf(organizationId, manager)).addWorkingHours(from, hours);
  }

  async addWorkingDays(organizationId: string, from: Date, days: number, manager?: EntityManager): Promise<Date> {
    return (await this.calendarOf(organizationId, manager)).addWorkingDays(from, days);
  }

  async workingHoursBetween(organizationId: string, from: Date, to: Date, manager?: EntityManager): Promise<number> {
    return (await this.calendarOf(organizationId, manager)).workingHoursBetween(from, to);
  }
}
