import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { caseAccountCondition, CaseStatsService } from '@civic/cases';
import { Clock } from '@civic/config';
import { MentionQueryService } from '@civic/mentions';

const OPEN_STATUSES = `('new', 'assigned', 'in_progress', 'forwarded')`;
/** Late cases named per department on the page; the rest are counted and reached through the case list. */
const LATE_SHOWN = 3;
const TOP_TERMS = 8;
const TOP_CATEGORIES = 5;

interface Week {
  from: Date;
  to: Date;
  previousFrom: Date;
  previousTo: Date;
  timeZone: string;
}

/**
 * The mayor's office's week on one page, in one request: messages, cases, late cases, mentions. "This week"
 * is the last seven local days including today; it is compared with the same span a week earlier (up to the
 * same hour), so a Wednesday morning is never compared with a whole week.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseStats: CaseStatsService,
    private readonly mentions: MentionQueryService,
    private readonly clock: Clock,
  ) {}

  async week(scope: AccountScope, now = new Date()) {
    const week = await this.bounds(scope.organizationId, now);
    const [messages, cases, previousCases, late, mentions] = await Promise.all([
      this.messages(scope, week),
      this.caseStats.stats(scope, week.from, week.to),
      this.caseStats.stats(scope, week.previousFrom, week.previousTo),
      this.late(scope),
      this.mentionWeek(scope, week),
    ]);
    const counts = (s: typeof cases) => ({
      received: s.received,
      resolved: s.resolved,
      rejected: s.rejected,
      open: s.open,
      resolvedWithinSlaShare: s.resolvedWithinSlaShare,
    });
    return {
      timeZone: week.timeZone,
      from: week.from.toISOString(),
      to: week.to.toISOString(),
      previousFrom: week.previousFrom.toISOString(),
      previousTo: week.previousTo.toISOString(),
      messages,
      cases: {
        current: counts(cases),
        previous: counts(previousCases),
        perDay: cases.perDay,
        topCategories: cases.byCategory.slice(0, TOP_CATEGORIES).map((c) => ({
          categoryId: c.categoryId,
          name: c.name,
          received: c.received,
          resolved: c.resolved,
        })),
      },
      late,
      mentions,
    };
  }

  private async bounds(organizationId: string, now: Date): Promise<Week> {
    const [row] = await this.dataSource.query(
      `SELECT o.time_zone,
              ((date_trunc('day', $2::timestamptz AT TIME ZONE o.time_zone) - interval '6 days') AT TIME ZONE o.time_zone) AS from_at,
              ((date_trunc('day', $2::timestamptz AT TIME ZONE o.time_zone) - interval '13 days') AT TIME ZONE o.time_zone) AS previous_from
         FROM organization o WHERE o.id = $1`,
      [organizationId, now],
    );
    return {
      timeZone: row.time_zone,
      from: new Date(row.from_at),
      to: now,
      previousFrom: new Date(row.previous_from),
      previousTo: new Date(now.getTime() - 7 * 86_400_000),
    };
  }

  /** Inbound messages and the citizens who wrote them, in all and per channel (busiest first). */
  private async messages(scope: AccountScope, week: Week) {
    const params: unknown[] = [scope.organizationId, week.previousFrom, week.from, week.to, week.previousTo];
    const rows: {
      channel: string | null;
      current: number;
      previous: number;
      citizens: number;
      previous_citizens: number;
    }[] = await this.dataSource.query(
      `SELECT m.channel,
              count(*) FILTER (WHERE m.sent_at >= $3)::int AS current,
              count(*) FILTER (WHERE m.sent_at < $5)::int AS previous,
              count(DISTINCT m.contact_id) FILTER (WHERE m.sent_at >= $3)::int AS citizens,
              count(DISTINCT m.contact_id) FILTER (WHERE m.sent_at < $5)::int AS previous_citizens
         FROM message m
        WHERE m.organization_id = $1 AND m.direction = 'in' AND m.sent_at >= $2 AND m.sent_at < $4
          AND (m.sent_at >= $3 OR m.sent_at < $5)
          AND ${scope.accountCondition('m.channel_account_id', params)}
        GROUP BY GROUPING SETS ((m.channel), ())
        ORDER BY current DESC, previous DESC, m.channel`,
      params,
    );
    // The empty grouping set is the whole week (a citizen writing on two channels counts once); none without rows.
    const total = rows.find((r) => r.channel === null);
    return {
      current: total?.current ?? 0,
      previous: total?.previous ?? 0,
      citizens: total?.citizens ?? 0,
      previousCitizens: total?.previous_citizens ?? 0,
      byChannel: rows
        .filter((r) => r.channel !== null)
        .map((r) => ({ channel: r.channel!, current: r.current, previous: r.previous })),
    };
  }

  /**
   * Open cases past their due date, per department: how many, and the longest overdue few. Late by the
   * product's Clock, as the case list's "Gecikmiş" badge judges it.
   */
  private async late(scope: AccountScope) {
    const params: unknown[] = [scope.organizationId, LATE_SHOWN, this.clock.now().toISOString()];
    const rows: {
      id: string;
      case_number: string;
      department_id: string | null;
      department_name: string | null;
      category_name: string;
      location_label: string | null;
      due_at: Date;
      late_count: number;
    }[] = await this.dataSource.query(
      `WITH late AS (
         SELECT k.id, k.case_number, k.department_id, k.category_id, k.location_label, k.due_at,
                row_number() OVER (PARTITION BY k.department_id ORDER BY k.due_at, k.id) AS rank,
                count(*) OVER (PARTITION BY k.department_id)::int AS late_count
           FROM civic_case k
          WHERE k.organization_id = $1 AND k.status IN ${OPEN_STATUSES} AND k.due_at < $3::timestamptz
            AND ${caseAccountCondition(scope, 'k.channel_account_id', params)})
       SELECT l.id, l.case_number, l.department_id, d.name AS department_name, c.name AS category_name,
              l.location_label, l.due_at, l.late_count
         FROM late l JOIN case_category c ON c.id = l.category_id LEFT JOIN department d ON d.id = l.department_id
        WHERE l.rank <= $2
        ORDER BY l.late_count DESC, d.name NULLS LAST, l.due_at, l.id`,
      params,
    );
    const byDepartment: {
      departmentId: string | null;
      name: string | null;
      count: number;
      cases: { id: string; caseNumber: string; category: string; locationLabel: string | null; dueAt: string }[];
    }[] = [];
    for (const row of rows) {
      let group = byDepartment.find((g) => g.departmentId === row.department_id);
      if (!group) {
        group = { departmentId: row.department_id, name: row.department_name, count: row.late_count, cases: [] };
        byDepartment.push(group);
      }
      group.cases.push({
        id: row.id,
        caseNumber: row.case_number,
        category: row.category_name,
        locationLabel: row.location_label,
        dueAt: new Date(row.due_at).toISOString(),
      });
    }
    return { total: byDepartment.reduce((sum, g) => sum + g.count, 0), byDepartment };
  }

  private async mentionWeek(scope: AccountScope, week: Week) {
    const [current, previous, topTerms] = await Promise.all([
      this.mentions.volume(scope, { from: week.from, to: week.to }, 'day'),
      this.mentions.volume(scope, { from: week.previousFrom, to: week.previousTo }, 'day'),
      this.mentions.topTerms(scope, { from: week.from, to: week.to }, TOP_TERMS),
    ]);
    const spikes: {
      alertId: string;
      watchlistId: string;
      name: string;
      openedAt: Date;
      closedAt: Date | null;
      hourCount: number;
      peakCount: number;
      threshold: number;
    }[] = await this.dataSource.query(
      `SELECT a.id AS "alertId", a.watchlist_id AS "watchlistId", w.name, a.opened_at AS "openedAt",
              a.closed_at AS "closedAt", a.hour_count AS "hourCount", a.peak_count AS "peakCount", a.threshold
         FROM mention_alert a JOIN mention_watchlist w ON w.id = a.watchlist_id
        WHERE a.organization_id = $1 AND (a.opened_at >= $2 OR a.closed_at IS NULL)
        ORDER BY a.closed_at IS NULL DESC, a.opened_at DESC LIMIT 5`,
      [scope.organizationId, week.from],
    );
    return {
      current: current.total,
      previous: previous.total,
      perDay: current.points.map((p) => ({ date: p.date!, count: p.count })),
      topTerms,
      spikes: spikes.map((s) => ({
        ...s,
        openedAt: new Date(s.openedAt).toISOString(),
        closedAt: s.closedAt ? new Date(s.closedAt).toISOString() : null,
      })),
    };
  }
}
