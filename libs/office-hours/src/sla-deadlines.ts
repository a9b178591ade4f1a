/** Share of the time to the due date after which a case is "at risk" (SLA-at-risk alerts, badges). */
export const AT_RISK_SHARE = 0.75;

const HOUR_MS = 3_600_000;

/** What an SLA needs of a calendar (WorkingCalendar has it): working hours added and counted. */
export interface SlaCalendar {
  addWorkingHours(from: Date, hours: number): Date;
  workingHoursBetween(from: Date, to: Date): number;
}

export interface SlaTerms {
  /** When the clock starts: the case's opening. */
  openedAt: Date;
  slaHours: number;
  /** Count the SLA's hours on the office calendar (nights, weekends, holidays skipped). */
  workingHours: boolean;
  /** An outside deadline (a CİMER answer date) that wins when it is earlier. */
  capAt?: Date | null;
}

/**
 * The one formula for a case's due date and at-risk moment: the SLA from the opening, in clock or
 * working hours, capped by an earlier outside deadline; at risk once AT_RISK_SHARE of the time to the
 * due date has passed, measured the same way (so a working-hour SLA is not at risk over a weekend).
 */
export function slaDeadlines(terms: SlaTerms, calendar: SlaCalendar): { dueAt: Date; atRiskAt: Date } {
  const { openedAt, slaHours, workingHours, capAt } = terms;
  let dueAt = workingHours
    ? calendar.addWorkingHours(openedAt, slaHours)
    : new Date(openedAt.getTime() + slaHours * HOUR_MS);
  if (capAt && capAt.getTime() < dueAt.getTime()) {
    dueAt = new Date(capAt.getTime());
  }
  if (dueAt.getTime() <= openedAt.getTime()) {
    // A deadline already gone when the case was opened: overdue at once, never "at risk" first.
    return { dueAt, atRiskAt: dueAt };
  }
  const atRiskAt = workingHours
    ? calendar.addWorkingHours(openedAt, calendar.workingHoursBetween(openedAt, dueAt) * AT_RISK_SHARE)
    : new Date(openedAt.getTime() + Math.round((dueAt.getTime() - openedAt.getTime()) * AT_RISK_SHARE));
  return { dueAt, atRiskAt: atRiskAt.getTime() > dueAt.getTime() ? dueAt : atRiskAt };
}
