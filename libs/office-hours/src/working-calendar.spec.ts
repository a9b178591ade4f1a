import { DEFAULT_WEEKLY_HOURS, officialTurkishHolidays } from '@civic/domain';
import { WorkingCalendar } from './working-calendar';

const istanbul = () =>
  new WorkingCalendar(
    'Europe/Istanbul',
    DEFAULT_WEEKLY_HOURS,
    officialTurkishHolidays().map((h) => ({ date: h.date, halfDay: h.halfDay, closesAt: h.closesAt })),
  );
/** Istanbul is UTC+3 all year (no daylight saving time since 2016). */
const ist = (local: string) => new Date(`${local}+03:00`);

describe('WorkingCalendar (Europe/Istanbul, belediye hours, official holidays)', () => {
  const cal = istanbul();

  it('is open in working hours and closed at lunch, after closing and at the weekend', () => {
    // Monday 7 December 2026.
    expect(cal.isOpen(ist('2026-12-07T08:29:59'))).toBe(false);
    expect(cal.isOpen(ist('2026-12-07T08:30:00'))).toBe(true);
    expect(cal.isOpen(ist('2026-12-07T11:59:59'))).toBe(true);
    expect(cal.isOpen(ist('2026-12-07T12:30:00'))).toBe(false);
    expect(cal.isOpen(ist('2026-12-07T13:00:00'))).toBe(true);
    expect(cal.isOpen(ist('2026-12-07T17:29:00'))).toBe(true);
    expect(cal.isOpen(ist('2026-12-07T17:30:00'))).toBe(false);
    expect(cal.isOpen(ist('2026-12-12T10:00:00'))).toBe(false);
  });

  it('opens next after lunch, on Monday after a Friday evening, and at once when open', () => {
    expect(cal.nextOpening(ist('2026-12-07T12:15:00'))).toEqual(ist('2026-12-07T13:00:00'));
    expect(cal.nextOpening(ist('2026-12-11T19:00:00'))).toEqual(ist('2026-12-14T08:30:00'));
    expect(cal.nextOpening(ist('2026-12-08T10:00:00'))).toEqual(ist('2026-12-08T10:00:00'));
  });

  it('gives one closed-period start for every instant of a closed period, none when open', () => {
    const friday = ist('2026-12-11T17:30:00');
    expect(cal.closedPeriodStart(ist('2026-12-11T19:00:00'))).toEqual(friday);
    expect(cal.closedPeriodStart(ist('2026-12-13T03:00:00'))).toEqual(friday);
    expect(cal.closedPeriodStart(ist('2026-12-14T08:29:00'))).toEqual(friday);
    expect(cal.closedPeriodStart(ist('2026-12-14T12:10:00'))).toEqual(ist('2026-12-14T12:00:00'));
    expect(cal.closedPeriodStart(ist('2026-12-14T09:00:00'))).toBeNull();
  });

  it('closes at 13:00 on a half-day eve (28 Ekim) and stays closed on the holiday', () => {
    // Wednesday 28 October 2026: morning only (lunch at 12:00 runs into the 13:00 closing).
    expect(cal.isOpen(ist('2026-10-28T11:00:00'))).toBe(true);
    expect(cal.isOpen(ist('2026-10-28T13:30:00'))).toBe(false);
    expect(cal.isOpen(ist('2026-10-29T10:00:00'))).toBe(false);
    expect(cal.nextOpening(ist('2026-10-28T14:00:00'))).toEqual(ist('2026-10-30T08:30:00'));
    expect(cal.closedPeriodStart(ist('2026-10-29T10:00:00'))).toEqual(ist('2026-10-28T12:00:00'));
  });

  it('honours a custom half day closing before lunch', () => {
    const custom = new WorkingCalendar('Europe/Istanbul', DEFAULT_WEEKLY_HOURS, [
      { date: '2026-12-31', halfDay: true, closesAt: '11:00' },
    ]);
    expect(custom.isOpen(ist('2026-12-31T10:59:00'))).toBe(true);
    expect(custom.isOpen(ist('2026-12-31T11:00:00'))).toBe(false);
    expect(custom.workingHoursBetween(ist('2026-12-31T00:00:00'), ist('2026-12-31T23:59:00'))).toBe(2.5);
  });

  it('skips a whole Kurban Bayramı (half-day arife, four days, the weekend) when adding working hours', () => {
    // Tuesday 26 May 2026 is the arife (open 08:30-12:00); 27-30 May the bayram; 31 May a Sunday.
    expect(cal.addWorkingHours(ist('2026-05-26T10:00:00'), 4)).toEqual(ist('2026-06-01T10:30:00'));
    expect(cal.workingHoursBetween(ist('2026-05-26T10:00:00'), ist('2026-06-01T10:30:00'))).toBe(4);
  });

  it('skips Ramazan Bayramı 2026 (arife 19 March, bayram 20-22 March)', () => {
    expect(cal.isOpen(ist('2026-03-20T10:00:00'))).toBe(false);
    expect(cal.nextOpening(ist('2026-03-19T14:00:00'))).toEqual(ist('2026-03-23T08:30:00'));
  });

  it('crosses a year boundary and 1 Ocak', () => {
    // Wednesday 31 December 2025, 17:00: half an hour that day, the rest on Friday 2 January.
    expect(cal.addWorkingHours(ist('2025-12-31T17:00:00'), 1)).toEqual(ist('2026-01-02T09:00:00'));
    expect(cal.workingHoursBetween(ist('2025-12-31T17:00:00'), ist('2026-01-02T09:00:00'))).toBe(1);
  });

  it('counts working hours without lunch and nights', () => {
    expect(cal.workingHoursBetween(ist('2026-12-07T08:00:00'), ist('2026-12-07T18:00:00'))).toBe(8);
    expect(cal.workingHoursBetween(ist('2026-12-07T11:00:00'), ist('2026-12-08T09:30:00'))).toBe(6.5);
    expect(cal.workingHoursBetween(ist('2026-12-08T09:30:00'), ist('2026-12-07T11:00:00'))).toBe(0);
    expect(cal.addWorkingHours(ist('2026-12-07T11:00:00'), 1)).toEqual(ist('2026-12-07T12:00:00'));
    expect(cal.addWorkingHours(ist('2026-12-07T11:00:00'), 1.5)).toEqual(ist('2026-12-07T13:30:00'));
    expect(cal.addWorkingHours(ist('2026-12-07T20:00:00'), 0.5)).toEqual(ist('2026-12-08T09:00:00'));
  });

  it('adds working days to the closing time, skipping a holiday and counting a half-day eve', () => {
    // Monday 18 May 2026; 19 May is a holiday: Wednesday, Thursday, Friday.
    expect(cal.addWorkingDays(ist('2026-05-18T10:00:00'), 3)).toEqual(ist('2026-05-22T17:30:00'));
    // Friday 22 May: Monday 25, then the arife 26 May (closes at 13:00, so the last open minute is 12:00).
    expect(cal.addWorkingDays(ist('2026-05-22T10:00:00'), 2)).toEqual(ist('2026-05-26T12:00:00'));
  });

  it('answers many questions over one period from a timeline', () => {
    const timeline = cal.timeline(ist('2026-12-01T00:00:00'), ist('2026-12-31T23:00:00'));
    expect(timeline.hoursBetween(ist('2026-12-07T08:00:00'), ist('2026-12-07T18:00:00'))).toBe(8);
    expect(timeline.hoursBetween(ist('2026-12-11T17:00:00'), ist('2026-12-14T09:00:00'))).toBe(1);
    expect(timeline.hoursBetween(ist('2026-12-07T00:00:00'), ist('2026-12-14T00:00:00'))).toBe(40);
  });
});

describe('WorkingCalendar in a zone with daylight saving time (Europe/Berlin)', () => {
  const weekly = DEFAULT_WEEKLY_HOURS.map((d) =>
    d.open ? { ...d, open: '09:00', close: '17:00', lunchStart: null, lunchEnd: null } : d,
  );
  const cal = new WorkingCalendar('Europe/Berlin', weekly, []);

  it('opens at 09:00 local time on both sides of the spring change', () => {
    // Friday 27 March 2026 is CET (UTC+1); Monday 30 March is CEST (UTC+2).
    expect(cal.isOpen(new Date('2026-03-27T08:00:00Z'))).toBe(true);
    expect(cal.isOpen(new Date('2026-03-27T07:59:00Z'))).toBe(false);
    expect(cal.nextOpening(new Date('2026-03-28T12:00:00Z'))).toEqual(new Date('2026-03-30T07:00:00Z'));
    expect(cal.closedPeriodStart(new Date('2026-03-29T12:00:00Z'))).toEqual(new Date('2026-03-27T16:00:00Z'));
  });

  it('counts hours across the change by local opening hours', () => {
    // Friday 16:00 CET to Monday 10:00 CEST: one hour each side.
    expect(cal.workingHoursBetween(new Date('2026-03-27T15:00:00Z'), new Date('2026-03-30T08:00:00Z'))).toBe(2);
    expect(cal.addWorkingHours(new Date('2026-03-27T15:00:00Z'), 1.5)).toEqual(new Date('2026-03-30T07:30:00Z'));
  });
});
