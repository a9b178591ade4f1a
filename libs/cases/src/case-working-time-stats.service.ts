import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OfficeCalendarService } from '@civic/office-hours';

export interface Durations {
  median: number | null;
  p90: number | null;
}

/** The statistics' times counted in working hours of the office calendar (nights, lunch, weekends, holidays left out). */
export interface WorkingTimeStats {
  timeToFirstResponse: Durations;
  timeToResolution: Durations;
  timeToFinalResolution: Durations;
}

interface Row {
  created_at: Date;
  first_response_at: Date | null;
  first_resolved_at: Date | null;
  final_resolved_at: Date | null;
}

/**
 * Working-hour medians and 90th percentiles over the period's cases. One query reads each case's
 * opening, first answer and resolutions; the organization's open intervals over the period are
 * built once with running totals, so each duration costs two binary searches (no round trip per
 * case). The percentiles interpolate like PostgreSQL's percentile_cont, as the clock figures do.
 */
@Injectable()
export class CaseWorkingTimeStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: OfficeCalendarService,
  ) {}

  /** `where` and `params` select the cases as CaseStatsService does (alias k). */
  async stats(organizationId: string, where: string, params: unknown[]): Promise<WorkingTimeStats> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT k.created_at, r.first_at AS first_response_at, k.first_resolved_at,
              CASE WHEN k.status = 'resolved' THEN k.resolved_at END AS final_resolved_at
         FROM civic_case k
         LEFT JOIN LATERAL (
           SELECT min(m.sent_at) AS first_at FROM message m
            WHERE m.conversation_id = k.conversation_id AND m.direction = 'out' AND NOT m.deleted
              AND m.delivery_state IS DISTINCT FROM 'failed' AND m.sent_at >= k.created_at) r ON true
        WHERE ${where}`,
      params,
    );
    const empty = { median: null, p90: null };
    if (rows.length === 0) {
      return { timeToFirstResponse: empty, timeToResolution: empty, timeToFinalResolution: empty };
    }
    let first = Infinity;
    let last = -Infinity;
    for (const r of rows) {
      for (const t of [r.created_at, r.first_response_at, r.first_resolved_at, r.final_resolved_at]) {
        if (t) {
          first = Math.min(first, new Date(t).getTime());
          last = Math.max(last, new Date(t).getTime());
        }
      }
    }
    const calendar = await this.calendar.calendarOf(organizationId);
    const timeline = calendar.timeline(new Date(first), new Date(last));
    const measure = (pick: (r: Row) => Date | null): Durations =>
      percentiles(
        rows.filter((r) => pick(r)).map((r) => timeline.hoursBetween(new Date(r.created_at), new Date(pick(r)!))),
      );
    return {
      timeToFirstResponse: measure((r) => r.first_response_at),
      timeToResolution: measure((r) => r.first_resolved_at),
      timeToFinalResolution: measure((r) => r.final_resolved_at),
    };
  }
}

function percentiles(values: number[]): Durations {
  if (values.length === 0) {
    return { median: null, p90: null };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return Math.round((sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)) * 100) / 100;
  };
  return { median: at(0.5), p90: at(0.9) };
}
