/**
 * The organization's working calendar: weekly hours with a lunch break, its time zone, and public
 * holidays (national and religious, with half-day eves). DI token; implemented by
 * OfficeCalendarService.
 */
export abstract class OfficeCalendar {
  /** The office is open at this instant. */
  abstract isOpen(organizationId: string, at: Date): Promise<boolean>;
  /** The next instant the office opens (at itself when open). */
  abstract nextOpening(organizationId: string, at: Date): Promise<Date>;
  /** The start of the closed period `at` falls in (for "once per closed period"); null when open. */
  abstract closedPeriodStart(organizationId: string, at: Date): Promise<Date | null>;
  /** `from` plus this many working hours (an SLA due date that skips nights, weekends and bayrams). */
  abstract addWorkingHours(organizationId: string, from: Date, hours: number): Promise<Date>;
  /** `from` plus this many working days (a CİMER answer deadline). */
  abstract addWorkingDays(organizationId: string, from: Date, days: number): Promise<Date>;
  /** Working hours between two instants (statistics in working hours). */
  abstract workingHoursBetween(organizationId: string, from: Date, to: Date): Promise<number>;
}
