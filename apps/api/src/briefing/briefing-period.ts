import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@civic/errors';

/** The longest period a briefing covers (a year and a day, so "this year" fits in a leap year). */
export const BRIEFING_MAX_DAYS = 366;
const DEFAULT_DAYS = 30;

/** A briefing's period in the organization's time zone, and the previous period of the same length. */
export interface BriefingPeriod {
  timeZone: string;
  /** First and last local day, both included (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
  days: number;
  start: Date;
  end: Date;
  previousFromDay: string;
  previousToDay: string;
  previousStart: Date;
}

/**
 * Local days to instants: a day starts at local midnight, so a period of November is the whole of November in
 * Istanbul. Without days, the last 30 local days including today (by the product's clock).
 */
export async function briefingPeriod(
  dataSource: DataSource,
  organizationId: string,
  now: Date,
  from?: string,
  to?: string,
): Promise<BriefingPeriod> {
  const [row] = await dataSource.query(
    `WITH o AS (SELECT time_zone FROM organization WHERE id = $1),
          d AS (SELECT coalesce($3::date, ($2::timestamptz AT TIME ZONE o.time_zone)::date) AS to_day FROM o),
          p AS (SELECT coalesce($4::date, d.to_day - ($5::int - 1)) AS from_day, d.to_day FROM d)
     SELECT o.time_zone, to_char(p.from_day, 'YYYY-MM-DD') AS from_day, to_char(p.to_day, 'YYYY-MM-DD') AS to_day,
            (p.to_day - p.from_day + 1)::int AS days,
            (p.from_day::timestamp AT TIME ZONE o.time_zone) AS start_at,
            ((p.to_day + 1)::timestamp AT TIME ZONE o.time_zone) AS end_at,
            to_char(p.from_day - (p.to_day - p.from_day + 1), 'YYYY-MM-DD') AS previous_from,
            to_char(p.from_day - 1, 'YYYY-MM-DD') AS previous_to,
            ((p.from_day - (p.to_day - p.from_day + 1))::timestamp AT TIME ZONE o.time_zone) AS previous_start
       FROM o, p`,
    [organizationId, now, to ?? null, from ?? null, DEFAULT_DAYS],
  );
  if (row.days < 1) {
    throw new DomainError(ErrorCode.BriefingPeriodReversed, { from: row.from_day, to: row.to_day });
  }
  if (row.days > BRIEFING_MAX_DAYS) {
    throw new DomainError(ErrorCode.BriefingPeriodTooLong, { max: BRIEFING_MAX_DAYS });
  }
  return {
    timeZone: row.time_zone,
    fromDay: row.from_day,
    toDay: row.to_day,
    days: row.days,
    start: new Date(row.start_at),
    end: new Date(row.end_at),
    previousFromDay: row.previous_from,
    previousToDay: row.previous_to,
    previousStart: new Date(row.previous_start),
  };
}
