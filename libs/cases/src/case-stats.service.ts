import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { Clock } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';
import { caseAccountCondition } from './case-account-condition';
import { CaseWorkingTimeStatsService, WorkingTimeStats } from './case-working-time-stats.service';
import { CaseSatisfactionStatsService, SatisfactionStats } from './satisfaction/case-satisfaction-stats.service';

export interface CaseCounts {
  received: number;
  resolved: number;
  rejected: number;
  /** new, assigned, in progress or forwarded ("under review"). */
  open: number;
}

export interface CaseStats extends CaseCounts {
  from: string;
  to: string;
  /** Cases resolved at least once, even if reopened since. */
  resolvedEver: number;
  /** Of resolvedEver, how many had their first resolution before the due date. */
  resolvedWithinSla: number;
  resolvedWithinSlaShare: number | null;
  /** Opening → first resolution, over resolvedEver. */
  timeToResolutionHours: { median: number | null; p90: number | null };
  /** Opening → latest resolution, over cases resolved now. */
  timeToFinalResolutionHours: { median: number | null; p90: number | null };
  /** `atRisk` and `overdue`: of these cases, the open ones due soon or late now (the Clock's now). */
  byDepartment: (CaseCounts & { departmentId: string | null; name: string | null; atRisk: number; overdue: number })[];
  byCategory: (CaseCounts & { categoryId: string; code: string; name: string })[];
  byChannel: (CaseCounts & { channel: string })[];
  byAccount: (CaseCounts & { channelAccountId: string; name: string | null; channel: string })[];
  /** Cases by neighbourhood (mahalle); `neighbourhoodId` null: cases without one. */
  byNeighbourhood: (CaseCounts & { neighbourhoodId: string | null; name: string | null })[];
  /** Every case by how it arrived: social (a channel) or recorded by hand (phone, walk-in, e-mail, CİMER, other). */
  bySource: (CaseCounts & { source: string })[];
  /** Cases that got an answer: the first outbound message in their conversation at or after opening. */
  responded: number;
  /** Opening → first outbound message in the case's conversation (failed sends excluded). */
  timeToFirstResponseHours: { median: number | null; p90: number | null };
  /** The organization's time zone (Europe/Istanbul by default), which the days follow. */
  timeZone: string;
  /**
   * One row per local day of [from, to), zero-filled: `received` = cases opened that day,
   * `resolved` = of the same cases, those whose first resolution fell on that day (each case once).
   */
  perDay: { date: string; received: number; resolved: number }[];
  /** First response and resolution times again, in working hours of the office calendar. */
  workingHours: WorkingTimeStats;
  /** Citizens' ratings of the resolutions (memnuniyet) of these cases. */
  satisfaction: SatisfactionStats;
}

const DAY = 86_400_000;
const MAX_DAYS = 366 * 5;
const OPEN = `k.status IN ('new', 'assigned', 'in_progress', 'forwarded')`;
const COUNTS = `count(*)::int AS received,
  count(*) FILTER (WHERE k.status = 'resolved')::int AS resolved,
  count(*) FILTER (WHERE k.status = 'rejected')::int AS rejected,
  count(*) FILTER (WHERE ${OPEN})::int AS open`;

/**
 * Case statistics over the cases received (opened) in [from, to), each case counted once: it is in
 * exactly one status bucket (its current one), so received = resolved + rejected + open, and a case
 * reopened and resolved twice is one resolved case. Times are measured from opening to the first
 * resolution (reopening does not erase that the municipality answered) and, separately, to the
 * latest resolution. Merged duplicates are left out (their survivor is the one request).
 */
@Injectable()
export class CaseStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly satisfaction: CaseSatisfactionStatsService,
    private readonly workingTime: CaseWorkingTimeStatsService,
    private readonly clock: Clock,
  ) {}

  async stats(scope: AccountScope, from?: Date, to?: Date): Promise<CaseStats> {
    const organizationId = scope.organizationId;
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - 30 * DAY);
    if (start >= end) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['from must be before to'] });
    }
    if (end.getTime() - start.getTime() > MAX_DAYS * DAY) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: [`the period may be at most ${MAX_DAYS} days`] });
    }
    const params: unknown[] = [organizationId, start, end];
    // A merged duplicate is the same request as its surviving case: counted once, through the survivor.
    const where = `k.organization_id = $1 AND k.created_at >= $2 AND k.created_at < $3 AND k.status <> 'merged' AND ${caseAccountCondition(scope, 'k.channel_account_id', params)}`;
    const [{ time_zone: timeZone }] = await this.dataSource.query(`SELECT time_zone FROM organization WHERE id = $1`, [
      organizationId,
    ]);
    const [totals] = await this.dataSource.query(
      `SELECT ${COUNTS},
              count(*) FILTER (WHERE k.first_resolved_at IS NOT NULL)::int AS resolved_ever,
              count(*) FILTER (WHERE k.first_resolved_at <= k.due_at)::int AS within_sla,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.first_resolved_at - k.created_at)) FILTER (WHERE k.first_resolved_at IS NOT NULL) AS first_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM k.first_resolved_at - k.created_at)) FILTER (WHERE k.first_resolved_at IS NOT NULL) AS first_p90,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.resolved_at - k.created_at)) FILTER (WHERE k.status = 'resolved') AS final_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM k.resolved_at - k.created_at)) FILTER (WHERE k.status = 'resolved') AS final_p90
         FROM civic_case k WHERE ${where}`,
      params,
    );
    const now = `$${params.length + 1}::timestamptz`;
    const byDepartment = await this.dataSource.query(
      `SELECT k.department_id AS "departmentId", d.name, ${COUNTS},
              count(*) FILTER (WHERE ${OPEN} AND k.at_risk_at <= ${now} AND k.due_at >= ${now})::int AS "atRisk",
              count(*) FILTER (WHERE ${OPEN} AND k.due_at < ${now})::int AS overdue
         FROM civic_case k LEFT JOIN department d ON d.id = k.department_id
        WHERE ${where} GROUP BY k.department_id, d.name ORDER BY received DESC, d.name`,
      [...params, this.clock.now()],
    );
    const byCategory = await this.dataSource.query(
      `SELECT k.category_id AS "categoryId", c.code, c.name, ${COUNTS} FROM civic_case k JOIN case_category c ON c.id = k.category_id
        WHERE ${where} GROUP BY k.category_id, c.code, c.name ORDER BY received DESC, c.code`,
      params,
    );
    const byAccount = await this.dataSource.query(
      `SELECT k.channel_account_id AS "channelAccountId", a.name, k.channel, ${COUNTS} FROM civic_case k LEFT JOIN channel_account a ON a.id = k.channel_account_id
        WHERE ${where} AND k.channel_account_id IS NOT NULL GROUP BY k.channel_account_id, a.name, k.channel ORDER BY received DESC, a.name`,
      params,
    );
    const [response] = await this.dataSource.query(
      `SELECT count(r.first_at)::int AS responded,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_at - k.created_at)) FILTER (WHERE r.first_at IS NOT NULL) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_at - k.created_at)) FILTER (WHERE r.first_at IS NOT NULL) AS p90
         FROM civic_case k
         LEFT JOIN LATERAL (
           SELECT min(m.sent_at) AS first_at FROM message m
            WHERE m.conversation_id = k.conversation_id AND m.direction = 'out' AND NOT m.deleted
              AND m.delivery_state IS DISTINCT FROM 'failed' AND m.sent_at >= k.created_at) r ON true
        WHERE ${where}`,
      params,
    );
    const tz = `$${params.length + 1}`;
    const perDay = await this.dataSource.query(
      `WITH scope AS (SELECT k.created_at, k.first_resolved_at FROM civic_case k WHERE ${where}),
            opened AS (SELECT (created_at AT TIME ZONE ${tz})::date AS day, count(*)::int AS n FROM scope GROUP BY 1),
            solved AS (SELECT (first_resolved_at AT TIME ZONE ${tz})::date AS day, count(*)::int AS n FROM scope WHERE first_resolved_at IS NOT NULL GROUP BY 1)
       SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(o.n, 0) AS received, coalesce(s.n, 0) AS resolved
         FROM (SELECT g::date AS day FROM generate_series(($2::timestamptz AT TIME ZONE ${tz})::date, (($3::timestamptz - interval '1 microsecond') AT TIME ZONE ${tz})::date, interval '1 day') g) d
         LEFT JOIN opened o ON o.day = d.day LEFT JOIN solved s ON s.day = d.day
        ORDER BY d.day`,
      [...params, timeZone],
    );
    const byChannel = await this.dataSource.query(
      `SELECT k.channel, ${COUNTS} FROM civic_case k WHERE ${where} AND k.channel IS NOT NULL GROUP BY k.channel ORDER BY received DESC, k.channel`,
      params,
    );
    const byNeighbourhood = await this.dataSource.query(
      `SELECT k.neighbourhood_id AS "neighbourhoodId", n.name, ${COUNTS}
         FROM civic_case k LEFT JOIN neighbourhood n ON n.id = k.neighbourhood_id AND n.organization_id = k.organization_id
        WHERE ${where} GROUP BY k.neighbourhood_id, n.name ORDER BY received DESC, n.name NULLS LAST`,
      params,
    );
    const bySource = await this.dataSource.query(
      `SELECT k.source, ${COUNTS} FROM civic_case k WHERE ${where} GROUP BY k.source ORDER BY received DESC, k.source`,
      params,
    );
    return {
      from: start.toISOString(),
      to: end.toISOString(),
      received: totals.received,
      resolved: totals.resolved,
      rejected: totals.rejected,
      open: totals.open,
      resolvedEver: totals.resolved_ever,
      resolvedWithinSla: totals.within_sla,
      resolvedWithinSlaShare: totals.resolved_ever > 0 ? round(totals.within_sla / totals.resolved_ever, 4) : null,
      timeToResolutionHours: { median: hours(totals.first_median), p90: hours(totals.first_p90) },
      timeToFinalResolutionHours: { median: hours(totals.final_median), p90: hours(totals.final_p90) },
      byDepartment,
      byCategory,
      byChannel,
      byAccount,
      bySource,
      byNeighbourhood,
      responded: response.responded,
      timeToFirstResponseHours: { median: hours(response.median), p90: hours(response.p90) },
      timeZone,
      perDay,
      workingHours: await this.workingTime.stats(organizationId, where, params),
      satisfaction: await this.satisfaction.stats(scope, start, end),
    };
  }
}

function hours(seconds: number | string | null): number | null {
  return seconds === null || seconds === undefined ? null : round(Number(seconds) / 3600, 2);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
