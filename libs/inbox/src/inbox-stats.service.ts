import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';

export interface DurationStats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

type Dimension = 'channel' | 'account' | 'officer';

/**
 * Inbox figures over a date range (by the first inbound message of each conversation):
 * open counts, first-response time (first outbound after the first inbound) and resolution time
 * (first change to resolved/closed after the first inbound), median and p90 per channel, account
 * and officer.
 */
@Injectable()
export class InboxStatsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Only conversations on the scope's accounts are counted. */
  async stats(scope: AccountScope, from: Date, to: Date) {
    const organizationId = scope.organizationId;
    const openParams: unknown[] = [organizationId];
    const open: Record<string, any>[] = await this.dataSource.query(
      `SELECT c.channel, a.id AS account_id, a.name AS account_name, count(*)::int AS open
         FROM conversation c JOIN channel_account a ON a.id = c.channel_account_id
        WHERE c.organization_id = $1 AND c.status = 'open' AND ${scope.accountCondition('c.channel_account_id', openParams)}
        GROUP BY c.channel, a.id, a.name ORDER BY c.channel, a.name`,
      openParams,
    );
    const params: unknown[] = [organizationId, from.toISOString(), to.toISOString()];
    const inScope = scope.accountCondition('c.channel_account_id', params);
    // Kept on the conversation by its writers (MessageStore, ConversationsService): one index range.
    const durations = (at: string, actor: string) =>
      this.dataSource.query(
        `SELECT GROUPING(x.channel) AS g_channel, GROUPING(x.account_id) AS g_account, GROUPING(x.officer_id) AS g_officer,
                x.channel, x.account_id, x.officer_id, count(*)::int AS count,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY x.seconds) AS p90
           FROM (SELECT c.channel, c.channel_account_id AS account_id, c.${actor} AS officer_id,
                        extract(epoch FROM c.${at} - c.first_inbound_at)::float8 AS seconds
                   FROM conversation c
                  WHERE c.organization_id = $1 AND c.first_inbound_at >= $2 AND c.first_inbound_at <= $3
                    AND c.${at} IS NOT NULL AND ${inScope}) x
          GROUP BY GROUPING SETS ((x.channel), (x.account_id), (x.officer_id))`,
        params,
      ) as Promise<Record<string, any>[]>;
    const [firstResponse, resolution] = await Promise.all([
      durations('first_response_at', 'first_response_user_id'),
      durations('resolved_at', 'resolved_by_user_id'),
    ]);
    const names = await this.names(organizationId);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      open: {
        total: open.reduce((sum, r) => sum + r.open, 0),
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
      firstResponse: this.shape(firstResponse, names),
      resolution: this.shape(resolution, names),
    };
  }

  private shape(
    rows: Record<string, any>[],
    names: Map<string, string>,
  ): Record<Dimension, Array<Record<string, unknown> & DurationStats>> {
    const stats = (r: Record<string, any>): DurationStats => ({
      count: r.count,
      medianSeconds: r.median === null ? null : Math.round(Number(r.median)),
      p90Seconds: r.p90 === null ? null : Math.round(Number(r.p90)),
    });
    return {
      channel: rows.filter((r) => r.g_channel === 0).map((r) => ({ channel: r.channel, ...stats(r) })),
      account: rows
        .filter((r) => r.g_account === 0)
        .map((r) => ({ accountId: r.account_id, name: names.get(r.account_id) ?? null, ...stats(r) })),
      // Replies seen through the channel (not sent through civic-inbox) have no officer.
      officer: rows
        .filter((r) => r.g_officer === 0 && r.officer_id)
        .map((r) => ({ userId: r.officer_id, displayName: names.get(r.officer_id) ?? null, ...stats(r) })),
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
