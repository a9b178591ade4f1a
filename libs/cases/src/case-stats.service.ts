import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
  byDepartment: (CaseCounts & { departmentId: string | null; name: string | null })[];
  byCategory: (CaseCounts & { categoryId: string; code: string; name: string })[];
  byChannel: (CaseCounts & { channel: string })[];
}

const DAY = 86_400_000;
const COUNTS = `count(*)::int AS received,
  count(*) FILTER (WHERE k.status = 'resolved')::int AS resolved,
  count(*) FILTER (WHERE k.status = 'rejected')::int AS rejected,
  count(*) FILTER (WHERE k.status IN ('new', 'assigned', 'in_progress', 'forwarded'))::int AS open`;

/**
 * Case statistics over the cases received (opened) in [from, to), each case counted once: it is in
 * exactly one status bucket (its current one), so received = resolved + rejected + open, and a case
 * reopened and resolved twice is one resolved case. Times are measured from opening to the first
 * resolution (reopening does not erase that the municipality answered) and, separately, to the
 * latest resolution.
 */
@Injectable()
export class CaseStatsService {
  constructor(private readonly dataSource: DataSource) {}

  async stats(organizationId: string, from?: Date, to?: Date): Promise<CaseStats> {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - 30 * DAY);
    if (start >= end) throw new BadRequestException(['from must be before to']);
    const params = [organizationId, start, end];
    const where = `k.organization_id = $1 AND k.created_at >= $2 AND k.created_at < $3`;
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
    const byDepartment = await this.dataSource.query(
      `SELECT k.department_id AS "departmentId", d.name, ${COUNTS} FROM civic_case k LEFT JOIN department d ON d.id = k.department_id
        WHERE ${where} GROUP BY k.department_id, d.name ORDER BY received DESC, d.name`,
      params,
    );
    const byCategory = await this.dataSource.query(
      `SELECT k.category_id AS "categoryId", c.code, c.name, ${COUNTS} FROM civic_case k JOIN case_category c ON c.id = k.category_id
        WHERE ${where} GROUP BY k.category_id, c.code, c.name ORDER BY received DESC, c.code`,
      params,
    );
    const byChannel = await this.dataSource.query(`SELECT k.channel, ${COUNTS} FROM civic_case k WHERE ${where} GROUP BY k.channel ORDER BY received DESC, k.channel`, params);
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
