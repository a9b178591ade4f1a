import type { EntityManager } from 'typeorm';

/**
 * The organization's working calendar: weekly hours with a lunch break, its time zone, and public
 * holidays (national and religious, with half-day eves). DI token; implemented by
 * OfficeCalendarService.
 *
 * Every method takes the caller's transaction when there is one: on the embedded database a read on
 * another connection would wait for that transaction forever.
 */
export abstract class OfficeCalendar {
  /** The office is open at this instant. */
  abstract isOpen(organizationId: string, at: Date, manager?: EntityManager): Promise<boolean>;
  /** The next instant the office opens (at itself when open). */
  abstract nextOpening(organizationId: string, at: Date, manager?: EntityManager): Promise<Date>;
  /** The start of the closed period `at` falls in (for "once per closed period"); null when open. */
  abstract closedPeriodStart(organizationId: string, at: Date, manager?: EntityManager): Promise<Date | null>;
  /** `from` plus this many working hours (an SLA due date that skips nights, weekends and bayrams). */
  abstract addWorkingHours(organizationId: string, from: Date, hours: number, manager?: EntityManager): Promise<Date>;
  /**
   * `from` plus this many working days (a CİMER answer deadline): the closing time of the
   * `days`-th working day after `from`'s local day.
   */
  abstract addWorkingDays(organizationId: string, from: Date, days: number, manager?: EntityManager): Promise<Date>;
  /** Working hours between two instants (statistics in working hours). */
  abstract workingHoursBetween(organizationId: string, from: Date, to: Date, manager?: EntityManager): Promise<number>;
}
