import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { caseAccountCondition } from '@civic/cases';
import { Clock } from '@civic/config';
import type { NeighbourhoodGeometry } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import type { BriefingMentions } from './briefing-mentions.reader';
import { BriefingMentionsReader } from './briefing-mentions.reader';
import type { BriefingPeriod } from './briefing-period';
import { briefingPeriod } from './briefing-period';

const OPEN = `('new', 'assigned', 'in_progress', 'forwarded')`;
const TOP_CATEGORIES = 6;
const LATE_SHOWN = 5;
/** Dots on the small map; more would hide the outline, and the map screen shows them all. */
const MAP_DOTS = 500;
const DAY_MS = 86_400_000;

export interface BriefingFigures {
  received: number;
  resolved: number;
  satisfactionAverage: number | null;
  satisfactionCount: number;
}

export interface BriefingView {
  timeZone: string;
  period: { from: string; to: string; days: number };
  previousPeriod: { from: string; to: string };
  neighbourhood: { id: string; name: string } | null;
  current: BriefingFigures;
  previous: BriefingFigures;
  openNow: number;
  topCategories: { name: string; received: number; resolved: number }[];
  late: {
    count: number;
    oldest: { id: string; caseNumber: string; category: string; neighbourhood: string | null; daysLate: number }[];
  };
  mentions: BriefingMentions;
  map: {
    outlines: { name: string; geometry: NeighbourhoodGeometry }[];
    openCases: { latitude: number; longitude: number; late: boolean }[];
  };
}

/**
 * The mayor's briefing (bilgi notu) for a neighbourhood or the whole district and a period: requests received
 * (opened in the period) and resolved (resolved in the period and still resolved), the top categories of those
 * received, open requests past their due date now, satisfaction answered in the period, the same figures for the
 * previous period of the same length, mentions of the place and a small map. No citizen's name, handle or number.
 */
@Injectable()
export class BriefingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mentions: BriefingMentionsReader,
    private readonly clock: Clock,
  ) {}

  async briefing(scope: AccountScope, query: { neighbourhoodId?: string; from?: string; to?: string }) {
    const now = this.clock.now();
    const neighbourhood = query.neighbourhoodId ? await this.neighbourhood(scope, query.neighbourhoodId) : null;
    const period = await briefingPeriod(this.dataSource, scope.organizationId, now, query.from, query.to);
    const params: unknown[] = [scope.organizationId];
    let where = `k.organization_id = $1 AND k.status <> 'merged' AND ${caseAccountCondition(scope, 'k.channel_account_id', params)}`;
    if (neighbourhood) {
      params.push(neighbourhood.id);
      where += ` AND k.neighbourhood_id = $${params.length}`;
    }
    const cases = { where, params };
    const [counts, satisfaction, topCategories, late, mentions, map] = await Promise.all([
      this.counts(cases, period, now),
      this.satisfaction(cases, period),
      this.topCategories(cases, period),
      this.late(cases, now),
      this.mentions.read(scope, period, neighbourhood?.name ?? null),
      this.map(scope, cases, neighbourhood?.id ?? null, now),
    ]);
    const view: BriefingView = {
      timeZone: period.timeZone,
      period: { from: period.fromDay, to: period.toDay, days: period.days },
      previousPeriod: { from: period.previousFromDay, to: period.previousToDay },
      neighbourhood: neighbourhood ? { id: neighbourhood.id, name: neighbourhood.name } : null,
      current: { received: counts.received, resolved: counts.resolved, ...satisfaction.current },
      previous: { received: counts.previous_received, resolved: counts.previous_resolved, ...satisfaction.previous },
      openNow: counts.open_now,
      topCategories,
      late,
      mentions,
      map,
    };
    return view;
  }

  /** A neighbourhood of the active boundaries, else 404 (an older version's id names nothing today). */
  private async neighbourhood(scope: AccountScope, id: string) {
    const [row] = await this.dataSource.query(
      `SELECT n.id, n.name FROM neighbourhood n
         JOIN neighbourhood_boundary_set s ON s.id = n.set_id AND s.organization_id = n.organization_id AND s.active
        WHERE n.organization_id = $1 AND n.id = $2`,
      [scope.organizationId, id],
    );
    if (!row) {
      throw new DomainError(ErrorCode.BriefingNeighbourhoodNotFound);
    }
    return row as { id: string; name: string };
  }

  private async counts(cases: CaseFilter, period: BriefingPeriod, now: Date) {
    const params = [...cases.params, period.previousStart, period.start, period.end, now];
    const [p, s, e] = [params.length - 3, params.length - 2, params.length - 1].map((i) => `$${i}`);
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE k.created_at >= ${s} AND k.created_at < ${e})::int AS received,
              count(*) FILTER (WHERE k.created_at >= ${p} AND k.created_at < ${s})::int AS previous_received,
              count(*) FILTER (WHERE k.status = 'resolved' AND k.resolved_at >= ${s} AND k.resolved_at < ${e})::int AS resolved,
              count(*) FILTER (WHERE k.status = 'resolved' AND k.resolved_at >= ${p} AND k.resolved_at < ${s})::int AS previous_resolved,
              count(*) FILTER (WHERE k.status IN ${OPEN} AND k.created_at <= $${params.length})::int AS open_now
         FROM civic_case k WHERE ${cases.where}`,
      params,
    );
    return row as {
      received: number;
      previous_received: number;
      resolved: number;
      previous_resolved: number;
      open_now: number;
    };
  }

  /** Ratings the citizens gave in each period (by the answer's time), over the cases in scope. */
  private async satisfaction(cases: CaseFilter, period: BriefingPeriod) {
    const params = [...cases.params, period.previousStart, period.start, period.end];
    const [p, s, e] = [params.length - 2, params.length - 1, params.length].map((i) => `$${i}`);
    const [row] = await this.dataSource.query(
      `SELECT avg(x.rating) FILTER (WHERE x.answered_at >= ${s}) AS average,
              count(*) FILTER (WHERE x.answered_at >= ${s})::int AS count,
              avg(x.rating) FILTER (WHERE x.answered_at < ${s}) AS previous_average,
              count(*) FILTER (WHERE x.answered_at < ${s})::int AS previous_count
         FROM case_satisfaction x JOIN civic_case k ON k.id = x.case_id AND k.organization_id = x.organization_id
        WHERE ${cases.where} AND x.rating IS NOT NULL AND x.answered_at >= ${p} AND x.answered_at < ${e}`,
      params,
    );
    const average = (value: string | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);
    return {
      current: { satisfactionAverage: average(row.average), satisfactionCount: row.count as number },
      previous: { satisfactionAverage: average(row.previous_average), satisfactionCount: row.previous_count as number },
    };
  }

  private async topCategories(cases: CaseFilter, period: BriefingPeriod) {
    const params = [...cases.params, period.start, period.end, TOP_CATEGORIES];
    const n = params.length;
    const rows: { name: string; received: number; resolved: number }[] = await this.dataSource.query(
      `SELECT c.name, count(*)::int AS received, count(*) FILTER (WHERE k.status = 'resolved')::int AS resolved
         FROM civic_case k JOIN case_category c ON c.id = k.category_id
        WHERE ${cases.where} AND k.created_at >= $${n - 2} AND k.created_at < $${n - 1}
        GROUP BY c.id, c.name ORDER BY received DESC, c.name LIMIT $${n}`,
      params,
    );
    return rows;
  }

  /** Open requests past their due date now (as the case list's "Gecikmiş" badge), the longest overdue first. */
  private async late(cases: CaseFilter, now: Date) {
    const params = [...cases.params, now, LATE_SHOWN];
    const n = params.length;
    const rows: {
      id: string;
      case_number: string;
      category: string;
      neighbourhood: string | null;
      due_at: Date;
      total: number;
    }[] = await this.dataSource.query(
      `SELECT k.id, k.case_number, c.name AS category, nb.name AS neighbourhood, k.due_at, count(*) OVER ()::int AS total
         FROM civic_case k JOIN case_category c ON c.id = k.category_id
         LEFT JOIN neighbourhood nb ON nb.id = k.neighbourhood_id AND nb.organization_id = k.organization_id
        WHERE ${cases.where} AND k.status IN ${OPEN} AND k.due_at < $${n - 1}
        ORDER BY k.due_at, k.case_number LIMIT $${n}`,
      params,
    );
    return {
      count: rows[0]?.total ?? 0,
      oldest: rows.map((r) => ({
        id: r.id,
        caseNumber: r.case_number,
        category: r.category,
        neighbourhood: r.neighbourhood,
        daysLate: Math.max(0, Math.floor((now.getTime() - new Date(r.due_at).getTime()) / DAY_MS)),
      })),
    };
  }

  /** The outline(s) and the open requests with a pin, rounded to about 10 m (a dot, not an address). */
  private async map(scope: AccountScope, cases: CaseFilter, neighbourhoodId: string | null, now: Date) {
    const outlines: { name: string; geometry: NeighbourhoodGeometry }[] = await this.dataSource.query(
      `SELECT n.name, n.geometry FROM neighbourhood n
         JOIN neighbourhood_boundary_set s ON s.id = n.set_id AND s.organization_id = n.organization_id AND s.active
        WHERE n.organization_id = $1 AND n.geometry IS NOT NULL AND ($2::uuid IS NULL OR n.id = $2) ORDER BY n.name`,
      [scope.organizationId, neighbourhoodId],
    );
    const params = [...cases.params, now, MAP_DOTS];
    const n = params.length;
    const dots: { latitude: number; longitude: number; late: boolean }[] = await this.dataSource.query(
      `SELECT round(k.latitude::numeric, 4)::float8 AS latitude, round(k.longitude::numeric, 4)::float8 AS longitude,
              k.due_at < $${n - 1} AS late
         FROM civic_case k
        WHERE ${cases.where} AND k.status IN ${OPEN} AND k.latitude IS NOT NULL AND k.longitude IS NOT NULL
        ORDER BY k.due_at LIMIT $${n}`,
      params,
    );
    return { outlines, openCases: dots };
  }
}

interface CaseFilter {
  where: string;
  params: unknown[];
}
