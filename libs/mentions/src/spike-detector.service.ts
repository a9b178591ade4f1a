import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { MentionWatchlist } from '@civic/domain';
import { MENTIONS_TIME_ZONE } from './istanbul-time';
import { MentionNotifierService } from './mention-notifier.service';
import { evaluateSpike } from './spike-rule';

/** Full Istanbul days before today that make the baseline. */
export const SPIKE_BASELINE_DAYS = 7;

export type SpikeOutcome = 'opened' | 'still_open' | 'closed' | 'normal';

/** What a spike counts: all of a watchlist's mentions, or only those read as negative. */
export type SpikeKind = 'volume' | 'negative';

const SPIKE_KINDS: SpikeKind[] = ['volume', 'negative'];

/**
 * Applies the spike rule to every active watchlist, once for all its mentions and once for its negative
 * ones (anger rising about a place can hide in a normal volume). An alert opens once per spike (one open
 * alert per watchlist and kind, enforced by a partial unique index) and closes when the hour falls back
 * to the threshold or below; only opening notifies.
 */
@Injectable()
export class SpikeDetectorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: MentionNotifierService,
    private readonly audit: AuditService,
  ) {}

  /** Outcomes by watchlist id (volume) and `<id>:negative`. */
  async evaluateAll(now = new Date()): Promise<Record<string, SpikeOutcome>> {
    const watchlists = await this.dataSource.getRepository(MentionWatchlist).findBy({ active: true });
    const outcomes: Record<string, SpikeOutcome> = {};
    for (const watchlist of watchlists) {
      for (const kind of SPIKE_KINDS) {
        outcomes[kind === 'volume' ? watchlist.id : `${watchlist.id}:${kind}`] = await this.evaluate(
          watchlist,
          now,
          kind,
        );
      }
    }
    return outcomes;
  }

  async evaluate(watchlist: MentionWatchlist, now = new Date(), kind: SpikeKind = 'volume'): Promise<SpikeOutcome> {
    const counted = kind === 'negative' ? `AND sentiment = 'negative'` : '';
    const [{ last_hour }]: { last_hour: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS last_hour FROM mention
        WHERE watchlist_id = $1 AND published_at > $2::timestamptz - interval '1 hour' AND published_at <= $2 ${counted}`,
      [watchlist.id, now],
    );
    const days: { n: number }[] = await this.dataSource.query(
      `WITH today AS (SELECT date_trunc('day', $2::timestamptz AT TIME ZONE '${MENTIONS_TIME_ZONE}') AS d)
       SELECT (SELECT count(*) FROM mention m WHERE m.watchlist_id = $1 ${counted}
                  AND m.published_at >= (g.d AT TIME ZONE '${MENTIONS_TIME_ZONE}')
                  AND m.published_at < ((g.d + interval '1 day') AT TIME ZONE '${MENTIONS_TIME_ZONE}'))::int AS n
         FROM today, generate_series(today.d - make_interval(days => $3), today.d - interval '1 day', interval '1 day') AS g(d)`,
      [watchlist.id, now, SPIKE_BASELINE_DAYS],
    );
    const rule = evaluateSpike({
      lastHourCount: last_hour,
      trailingDailyCounts: days.map((d) => d.n),
      factor: watchlist.spikeFactor,
      minCount: watchlist.spikeMinCount,
    });

    return this.dataSource.transaction(async (manager) => {
      // Serializes evaluations of one watchlist (two workers must not both open the alert).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('civic.mentions.spike'), hashtext($1))`, [
        `${watchlist.id}:${kind}`,
      ]);
      const [open]: { id: string; peak_count: number }[] = await manager.query(
        `SELECT id, peak_count FROM mention_alert WHERE watchlist_id = $1 AND kind = $2 AND closed_at IS NULL`,
        [watchlist.id, kind],
      );
      if (!rule.spike) {
        if (!open) {
          return 'normal';
        }
        await manager.query(`UPDATE mention_alert SET closed_at = $2 WHERE id = $1`, [open.id, now]);
        return 'closed';
      }
      if (open) {
        if (last_hour > open.peak_count) {
          await manager.query(`UPDATE mention_alert SET peak_count = $2 WHERE id = $1`, [open.id, last_hour]);
        }
        return 'still_open';
      }
      const [alert]: { id: string }[] = await manager.query(
        `INSERT INTO mention_alert (organization_id, watchlist_id, kind, opened_at, hour_count, peak_count, median_daily, threshold)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id`,
        [watchlist.organizationId, watchlist.id, kind, now, last_hour, rule.medianDaily, rule.threshold],
      );
      const payload = {
        alertId: alert.id,
        kind,
        watchlistId: watchlist.id,
        watchlistName: watchlist.name,
        openedAt: now.toISOString(),
        lastHourCount: last_hour,
        medianDaily: rule.medianDaily,
        threshold: rule.threshold,
        factor: watchlist.spikeFactor,
      };
      await this.notifier.enqueue(
        manager,
        watchlist.organizationId,
        'spike',
        kind === 'negative'
          ? `Olumsuz bahsetme artışı: "${watchlist.name}" son bir saatte ${last_hour} kez olumsuz anıldı (Negative mention spike: ${last_hour} in the last hour)`
          : `Bahsetme artışı: "${watchlist.name}" son bir saatte ${last_hour} kez anıldı (Mention spike: ${last_hour} in the last hour)`,
        payload,
      );
      await this.audit.record(
        {
          organizationId: watchlist.organizationId,
          actorLabel: 'system',
          action: 'mention.spike_alerted',
          targetType: 'mention_watchlist',
          targetId: watchlist.id,
          after: payload,
        },
        manager,
      );
      return 'opened';
    });
  }
}
