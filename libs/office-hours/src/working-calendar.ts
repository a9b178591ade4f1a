import type { WeekdayHours } from '@civic/domain';
import { WorkingTimeline } from './working-timeline';
import type { OpenInterval } from './working-timeline';
import type { LocalDate } from './zoned-time';
import { addLocalDays, isoDate, isoWeekday, localDateOf, minutesOf, steadyOffsetOn, zonedInstant } from './zoned-time';

/** A holiday as the calendar reads it: closed all day, or (a half-day eve) closed from `closesAt`. */
export interface CalendarHoliday {
  date: string;
  halfDay: boolean;
  closesAt: string | null;
}

const HOUR_MS = 3_600_000;
/** How far a search for the next or previous open hour goes before giving up (a year and a bit). */
const SCAN_DAYS = 400;

/**
 * One organization's working calendar in memory: weekly hours with a lunch break, its time zone and
 * its holidays. Every question is answered from each local day's open intervals, computed in the
 * organization's zone (so a zone with daylight saving time is handled on its own days).
 */
export class WorkingCalendar {
  private readonly byWeekday = new Map<number, WeekdayHours>();
  /** Per local date: minutes after which the office is closed that day (0: closed all day). */
  private readonly holidayCutoff = new Map<string, number>();
  private readonly dayCache = new Map<string, OpenInterval[]>();

  constructor(
    readonly timeZone: string,
    weekly: WeekdayHours[],
    holidays: CalendarHoliday[],
  ) {
    for (const d of weekly) {
      this.byWeekday.set(d.weekday, d);
    }
    for (const h of holidays) {
      const cutoff = h.halfDay && h.closesAt ? minutesOf(h.closesAt) : 0;
      // Two holidays on one day (e.g. an eve on a national day): the earlier closing wins.
      this.holidayCutoff.set(h.date, Math.min(cutoff, this.holidayCutoff.get(h.date) ?? Infinity));
    }
  }

  /** The open intervals of one local day, in order. */
  intervalsOn(date: LocalDate): OpenInterval[] {
    const key = isoDate(date);
    const cached = this.dayCache.get(key);
    if (cached) {
      return cached;
    }
    const hours = this.byWeekday.get(isoWeekday(date));
    let minutes: [number, number][] = [];
    if (hours?.open && hours.close) {
      const open = minutesOf(hours.open);
      const close = minutesOf(hours.close);
      minutes =
        hours.lunchStart && hours.lunchEnd
          ? [
              [open, minutesOf(hours.lunchStart)],
              [minutesOf(hours.lunchEnd), close],
            ]
          : [[open, close]];
    }
    const cutoff = this.holidayCutoff.get(key);
    if (cutoff !== undefined) {
      minutes = minutes.map(([s, e]): [number, number] => [s, Math.min(e, cutoff)]);
    }
    const open = minutes.filter(([s, e]) => e > s);
    const offset = open.length > 0 ? steadyOffsetOn(date, this.timeZone) : null;
    const midnight = Date.UTC(date.year, date.month - 1, date.day);
    const instant = (minute: number) =>
      offset === null ? zonedInstant(date, minute, this.timeZone) : midnight + minute * 60_000 - offset;
    const intervals = open.map(([s, e]): OpenInterval => [instant(s), instant(e)]);
    this.dayCache.set(key, intervals);
    return intervals;
  }

  isOpen(at: Date): boolean {
    const t = at.getTime();
    return this.intervalsOn(localDateOf(t, this.timeZone)).some(([s, e]) => s <= t && t < e);
  }

  /** `at` itself when open, else the start of the next open interval. */
  nextOpening(at: Date): Date {
    const t = at.getTime();
    let day = localDateOf(t, this.timeZone);
    for (let i = 0; i < SCAN_DAYS; i++, day = addLocalDays(day, 1)) {
      for (const [s, e] of this.intervalsOn(day)) {
        if (t < e) {
          return new Date(Math.max(s, t));
        }
      }
    }
    throw new Error('The office calendar has no open hour in the coming year');
  }

  /** The end of the last open interval before `at` (stable for every instant of one closed period); null when open. */
  closedPeriodStart(at: Date): Date | null {
    if (this.isOpen(at)) {
      return null;
    }
    const t = at.getTime();
    let day = localDateOf(t, this.timeZone);
    for (let i = 0; i < SCAN_DAYS; i++, day = addLocalDays(day, -1)) {
      const ends = this.intervalsOn(day)
        .map(([, e]) => e)
        .filter((e) => e <= t);
      if (ends.length > 0) {
        return new Date(Math.max(...ends));
      }
    }
    return new Date(0);
  }

  /** `from` plus this many working hours; from itself for zero. */
  addWorkingHours(from: Date, hours: number): Date {
    let remaining = hours * HOUR_MS;
    const t = from.getTime();
    if (remaining <= 0) {
      return from;
    }
    let day = localDateOf(t, this.timeZone);
    for (let i = 0; i < SCAN_DAYS * 10; i++, day = addLocalDays(day, 1)) {
      for (const [s0, e] of this.intervalsOn(day)) {
        const s = Math.max(s0, t);
        if (e <= s) {
          continue;
        }
        if (remaining <= e - s) {
          return new Date(s + remaining);
        }
        remaining -= e - s;
      }
    }
    throw new Error('The office calendar has no open hour in the coming years');
  }

  /**
   * The closing instant of the `days`-th working day after `from`'s local day (a day with any open
   * hour, a half-day eve included): a deadline "within 15 working days" of an application.
   */
  addWorkingDays(from: Date, days: number): Date {
    if (days <= 0) {
      return from;
    }
    let day = localDateOf(from.getTime(), this.timeZone);
    let counted = 0;
    for (let i = 0; i < SCAN_DAYS * 10; i++) {
      day = addLocalDays(day, 1);
      const intervals = this.intervalsOn(day);
      if (intervals.length > 0 && ++counted === days) {
        return new Date(intervals[intervals.length - 1][1]);
      }
    }
    throw new Error('The office calendar has no working day in the coming years');
  }

  workingHoursBetween(from: Date, to: Date): number {
    return this.timeline(from, to).hoursBetween(from, to);
  }

  /** Every open interval from `from`'s local day to `to`'s, for many questions over one period. */
  timeline(from: Date, to: Date): WorkingTimeline {
    const intervals: OpenInterval[] = [];
    const last = isoDate(localDateOf(to.getTime(), this.timeZone));
    let day = localDateOf(from.getTime(), this.timeZone);
    while (isoDate(day) <= last) {
      intervals.push(...this.intervalsOn(day));
      day = addLocalDays(day, 1);
    }
    return new WorkingTimeline(intervals);
  }
}
