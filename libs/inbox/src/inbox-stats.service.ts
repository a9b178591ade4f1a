import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { Histogram, addBuckets, histogramFigures } from './inbox-stats-histogram';
import { openCountsSql, windowHistogramsSql } from './inbox-stats-sql';

export interface DurationStats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

type Dimension = 'channel' | 'account' | 'officer';

interface HistogramRow {
  measure: 'response' | 'resolution';
  channel: string;
  account_id: string;
  user_id: string | null;
  buckets: Record<string, number>;
}

const DAY_MS = 86_400_000;

/**
 * Inbox figures over a date range (by the first inbound message of each conversation):
 * open counts, first-response time (first outbound after the first inbound) and resolution time
 * (first change to resolved/closed after the first inbound), median and p90 per channel, account
 * and officer.
 *
 * Durations come from histograms (inbox-stats-histogram.ts): whole UTC days from the daily rollup
 * `inbox_stats_day`, the partial days at the window's ends from the conversations themselves. Counts
 * are exact; medians and p90s are within `percentileErrorBound` of percentile_cont over the same rows.
 */
@Injectable()
export class InboxStatsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Only conversations on the scope's accounts are counted. */
  async stats(scope: AccountScope, from: Date, to: Date) {
    const organizationId = scope.organizationId;
    const openParams: unknown[] = [organizationId];
    const openSql = openCountsSql(scope.accountCondition('a.id', openParams));
    // Whole UTC days inside [from, to]; none when the window holds no whole day.
    let first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
    let end = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
    if (end <= first) {
      first = end = from.getTime();
    }
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const params: unknown[] = [
      organizationId,
      from.toISOString(),
      to.toISOString(),
      day(first),
      day(end),
      new Date(first).toISOString(),
      new Date(end).toISOString(),
    ];
    const histogramSql = windowHistogramsSql((column) => scope.accountCondition(column, params));
    const [open, histograms, names, pendingApproval] = await Promise.all([
      this.dataSource.query(openSql, openParams) as Promise<Record<string, any>[]>,
      this.dataSource.query(histogramSql, params) as Promise<HistogramRow[]>,
      this.names(organizationId),
      this.pendingApproval(scope),
    ]);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      open: {
        total: open.reduce((sum, r) => sum + r.open, 0),
        pendingApproval,
        byChannel: Object.entries(
          open.reduce<Record<string, number>>(
            (acc, r) => ({ ...acc, [r.channel]: (acc[r.channel] ?? 0) + r.open }),
            {},
          ),
        ).map(([channel, count]) => ({ channel, open: count })),
        byAccount: open.map((r) => ({
          accountId: r.account_id,
          name: r.account_name,
          channel: r.channel,
          open: r.open,
        })),
      },
      firstResponse: this.shape(
        histograms.filter((r) => r.measure === 'response'),
        names,
      ),
      resolution: this.shape(
        histograms.filter((r) => r.measure === 'resolution'),
        names,
      ),
    };
  }

  /** Replies held for approval now (reply approval, issue 26), whatever the date range. */
  private async pendingApproval(scope: AccountScope): Promise<number> {
    const params: unknown[] = [scope.organizationId];
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM reply_draft WHERE organization_id = $1 AND state = 'pending' AND ${scope.accountCondition('channel_account_id', params)}`,
      params,
    );
    return row.n as number;
  }

  private shape(
    rows: HistogramRow[],
    names: Map<string, string>,
  ): Record<Dimension, Array<Record<string, unknown> & DurationStats>> {
    const by = (key: (r: HistogramRow) => string | null) => {
      const groups = new Map<string, Histogram>();
      for (const r of rows) {
        const k = key(r);
        // Replies seen through the channel (not sent through civic-inbox) have no officer.
        if (k === null) {
          continue;
        }
        if (!groups.has(k)) {
          groups.set(k, new Map());
        }
        addBuckets(groups.get(k)!, r.buckets);
      }
      return [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, histogram]) => [k, histogramFigures(histogram)] as const)
        .filter(([, figures]) => figures.count > 0);
    };
    return {
      channel: by((r) => r.channel).map(([channel, figures]) => ({ channel, ...figures })),
      account: by((r) => r.account_id).map(([accountId, figures]) => ({
        accountId,
        name: names.get(accountId) ?? null,
        ...figures,
      })),
      officer: by((r) => r.user_id).map(([userId, figures]) => ({
        userId,
        displayName: names.get(userId) ?? null,
        ...figures,
      })),
    };
  }

  private async names(organizationId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM channel_account WHERE organization_id = $1 UNION ALL SELECT id, display_name FROM app_user WHERE organization_id = $1`,
      [organizationId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
