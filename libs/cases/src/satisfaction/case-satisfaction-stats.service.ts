import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';

/** Satisfaction of one group of cases. */
export interface SatisfactionFigures {
  /** Questions asked (one per case resolution). */
  asked: number;
  answered: number;
  /** answered / asked; null when nothing was asked. */
  responseRate: number | null;
  /** Mean rating 1-5 over the answers that carry one; null without any. */
  average: number | null;
  /** How many answers gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
  /** Answers saying the problem was not solved (each reopened its case). */
  notSolved: number;
}

export interface SatisfactionStats extends SatisfactionFigures {
  byDepartment: (SatisfactionFigures & { departmentId: string | null; name: string | null })[];
  byCategory: (SatisfactionFigures & { categoryId: string; code: string; name: string })[];
  byChannel: (SatisfactionFigures & { channel: string })[];
  byExternalBody: (SatisfactionFigures & { externalBodyId: string; name: string })[];
  byOfficer: (SatisfactionFigures & { userId: string; name: string })[];
  /** `neighbourhoodId` null: cases without a neighbourhood. */
  byNeighbourhood: (SatisfactionFigures & { neighbourhoodId: string | null; name: string | null })[];
}

const FIGURES = `count(*)::int AS asked,
  count(s.answered_at)::int AS answered,
  avg(s.rating) FILTER (WHERE s.answered_at IS NOT NULL) AS average,
  count(*) FILTER (WHERE s.rating = 1)::int AS r1, count(*) FILTER (WHERE s.rating = 2)::int AS r2,
  count(*) FILTER (WHERE s.rating = 3)::int AS r3, count(*) FILTER (WHERE s.rating = 4)::int AS r4,
  count(*) FILTER (WHERE s.rating = 5)::int AS r5,
  count(*) FILTER (WHERE s.not_solved)::int AS not_solved`;

interface FiguresRow {
  asked: number;
  answered: number;
  average: string | number | null;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  not_solved: number;
  [key: string]: unknown;
}

/** The dimensions: the key columns each row keeps, the join that names them, the grouping. */
const DIMENSIONS = {
  byDepartment: {
    select: `k.department_id AS "departmentId", d.name`,
    join: `LEFT JOIN department d ON d.id = k.department_id`,
    group: `k.department_id, d.name`,
  },
  byCategory: {
    select: `k.category_id AS "categoryId", c.code, c.name`,
    join: `JOIN case_category c ON c.id = k.category_id`,
    group: `k.category_id, c.code, c.name`,
  },
  byChannel: { select: `s.channel`, join: ``, group: `s.channel` },
  byExternalBody: {
    select: `k.external_body_id AS "externalBodyId", b.name`,
    join: `JOIN department b ON b.id = k.external_body_id`,
    group: `k.external_body_id, b.name`,
  },
  byOfficer: {
    select: `k.assignee_user_id AS "userId", u.display_name AS name`,
    join: `JOIN app_user u ON u.id = k.assignee_user_id`,
    group: `k.assignee_user_id, u.display_name`,
  },
  byNeighbourhood: {
    select: `k.neighbourhood_id AS "neighbourhoodId", nb.name`,
    join: `LEFT JOIN neighbourhood nb ON nb.id = k.neighbourhood_id AND nb.organization_id = k.organization_id`,
    group: `k.neighbourhood_id, nb.name`,
  },
} as const;

/**
 * Satisfaction over the cases received in [from, to) (as the rest of the case statistics), by
 * department, category, channel, external body, officer and neighbourhood: average, distribution 1-5, response
 * rate (answered / asked) and the "not solved" answers that reopened a case.
 */
@Injectable()
export class CaseSatisfactionStatsService {
  constructor(private readonly dataSource: DataSource) {}

  async stats(scope: AccountScope, from: Date, to: Date): Promise<SatisfactionStats> {
    const params: unknown[] = [scope.organizationId, from, to];
    const where = `(n.state IS NULL OR n.state NOT IN ('skipped', 'refused', 'failed')) AND s.organization_id = $1 AND k.created_at >= $2 AND k.created_at < $3 AND k.status <> 'merged' AND ${scope.accountCondition('k.channel_account_id', params)}`;
    // A question the channel refused or that was switched off was never asked (no notice: asked, e.g. demo history).
    const base = `FROM case_satisfaction s JOIN civic_case k ON k.id = s.case_id AND k.organization_id = s.organization_id
      LEFT JOIN citizen_notice n ON n.organization_id = s.organization_id AND n.event_key = 'survey:' || s.case_id || ':' || s.resolution_count`;
    const [totals] = await this.dataSource.query(`SELECT ${FIGURES} ${base} WHERE ${where}`, params);
    const grouped = async (dimension: keyof typeof DIMENSIONS) => {
      const d = DIMENSIONS[dimension];
      const rows: FiguresRow[] = await this.dataSource.query(
        `SELECT ${d.select}, ${FIGURES} ${base} ${d.join} WHERE ${where} GROUP BY ${d.group} ORDER BY asked DESC, 1`,
        params,
      );
      return rows.map((row) => {
        const { asked, answered, average, r1, r2, r3, r4, r5, not_solved: _n, ...keys } = row;
        return { ...keys, ...figures({ asked, answered, average, r1, r2, r3, r4, r5, not_solved: row.not_solved }) };
      });
    };
    return {
      ...figures(totals),
      byDepartment: (await grouped('byDepartment')) as SatisfactionStats['byDepartment'],
      byCategory: (await grouped('byCategory')) as SatisfactionStats['byCategory'],
      byChannel: (await grouped('byChannel')) as SatisfactionStats['byChannel'],
      byExternalBody: (await grouped('byExternalBody')) as SatisfactionStats['byExternalBody'],
      byOfficer: (await grouped('byOfficer')) as SatisfactionStats['byOfficer'],
      byNeighbourhood: (await grouped('byNeighbourhood')) as SatisfactionStats['byNeighbourhood'],
    };
  }
}

function figures(row: FiguresRow): SatisfactionFigures {
  return {
    asked: row.asked,
    answered: row.answered,
    responseRate: row.asked > 0 ? round(row.answered / row.asked, 4) : null,
    average: row.average === null || row.average === undefined ? null : round(Number(row.average), 2),
    distribution: [row.r1, row.r2, row.r3, row.r4, row.r5],
    notSolved: row.not_solved,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
