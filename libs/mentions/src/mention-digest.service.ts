import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { MentionDigest } from '@civic/domain';
import { istanbulDate, istanbulHour, MENTIONS_TIME_ZONE, previousDate } from './istanbul-time';
import { MentionNotifierService } from './mention-notifier.service';

/** Local hour (Europe/Istanbul) from which the previous day's digest is made. */
export const DIGEST_HOUR = 8;
const TOP_POSTS = 5;

export interface DigestPayload {
  organizationId: string;
  date: string;
  timeZone: string;
  total: number;
  byWatchlist: { watchlistId: string; name: string; count: number }[];
  byChannel: { channel: string; count: number }[];
  topPosts: {
    id: string;
    watchlistId: string;
    channel: string;
    authorHandle: string | null;
    authorName: string | null;
    text: string | null;
    url: string | null;
    reach: number | null;
    likes: number | null;
    publishedAt: string;
  }[];
  spikes: {
    alertId: string;
    /** volume: all mentions; negative: mentions read as negative. */
    kind: string;
    watchlistId: string;
    name: string;
    openedAt: string;
    closedAt: string | null;
    hourCount: number;
    peakCount: number;
    threshold: number;
  }[];
}

/**
 * The daily summary for the mayor's office: the previous Istanbul day's counts, top posts (by reach, then
 * likes) and spikes. Made once per organization and day at 08:00 Istanbul: the unique (organization, day)
 * key makes the first worker's insert win, so several workers never send it twice.
 */
@Injectable()
export class MentionDigestService {
  private readonly logger = new Logger(MentionDigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: MentionNotifierService,
    private readonly audit: AuditService,
  ) {}

  /** Makes yesterday's digest for every organization with watchlists, once it is 08:00 in Istanbul. Returns the organizations done now. */
  async runDue(now = new Date()): Promise<string[]> {
    if (istanbulHour(now) < DIGEST_HOUR) {
      return [];
    }
    const day = previousDate(istanbulDate(now));
    const organizations: { organization_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT w.organization_id FROM mention_watchlist w
         LEFT JOIN mention_settings s ON s.organization_id = w.organization_id
        WHERE COALESCE(s.digest_enabled, true)
          AND NOT EXISTS (SELECT 1 FROM mention_digest d WHERE d.organization_id = w.organization_id AND d.day = $1::date)`,
      [day],
    );
    const made: string[] = [];
    for (const { organization_id: organizationId } of organizations) {
      if (await this.make(organizationId, day)) {
        made.push(organizationId);
      }
    }
    return made;
  }

  /** The stored digest of a day, or the same summary computed now (for today or a day without one). */
  async get(
    organizationId: string,
    date: string,
  ): Promise<{ stored: boolean; createdAt: string | null; digest: DigestPayload }> {
    const stored = await this.dataSource.getRepository(MentionDigest).findOneBy({ organizationId, day: date });
    if (stored) {
      return { stored: true, createdAt: stored.createdAt.toISOString(), digest: stored.payload as DigestPayload };
    }
    return {
      stored: false,
      createdAt: null,
      digest: await this.compute(this.dataSource.manager, organizationId, date),
    };
  }

  private async make(organizationId: string, day: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const payload = await this.compute(manager, organizationId, day);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO mention_digest (organization_id, day, payload) VALUES ($1, $2::date, $3::jsonb) ON CONFLICT (organization_id, day) DO NOTHING RETURNING id`,
        [organizationId, day, JSON.stringify(payload)],
      );
      if (!row) {
        return false;
      }
      await this.notifier.enqueue(
        manager,
        organizationId,
        'digest',
        `Günlük bahsetme özeti ${day}: ${payload.total} bahsetme (Daily mentions digest)`,
        payload,
      );
      await this.audit.record(
        {
          organizationId,
          actorLabel: 'system',
          action: 'mention.digest_created',
          targetType: 'mention_digest',
          targetId: row.id,
          after: { day, total: payload.total },
        },
        manager,
      );
      this.logger.log(`Mention digest ${day} made for organization ${organizationId}`);
      return true;
    });
  }

  async compute(manager: EntityManager, organizationId: string, date: string): Promise<DigestPayload> {
    const tz = `'${MENTIONS_TIME_ZONE}'`;
    const range = `m.published_at >= ($2::date::timestamp AT TIME ZONE ${tz}) AND m.published_at < (($2::date + 1)::timestamp AT TIME ZONE ${tz})`;
    const byWatchlist: { watchlist_id: string; name: string; count: number }[] = await manager.query(
      `SELECT w.id AS watchlist_id, w.name, (SELECT count(*) FROM mention m WHERE m.watchlist_id = w.id AND ${range})::int AS count
         FROM mention_watchlist w WHERE w.organization_id = $1 ORDER BY count DESC, w.name`,
      [organizationId, date],
    );
    const byChannel: { channel: string; count: number }[] = await manager.query(
      `SELECT m.channel, count(*)::int AS count FROM mention m WHERE m.organization_id = $1 AND ${range} GROUP BY m.channel ORDER BY count DESC, m.channel`,
      [organizationId, date],
    );
    // A post matching two watchlists is one post: distinct on the channel id.
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(DISTINCT (m.channel, m.external_id))::int AS total FROM mention m WHERE m.organization_id = $1 AND ${range}`,
      [organizationId, date],
    );
    const topPosts = await manager.query(
      `SELECT * FROM (SELECT DISTINCT ON (m.channel, m.external_id) m.* FROM mention m WHERE m.organization_id = $1 AND ${range}
                       ORDER BY m.channel, m.external_id, m.published_at) m
        ORDER BY m.reach DESC NULLS LAST, m.like_count DESC NULLS LAST, m.published_at DESC, m.id LIMIT ${TOP_POSTS}`,
      [organizationId, date],
    );
    const spikes = await manager.query(
      `SELECT a.*, w.name FROM mention_alert a JOIN mention_watchlist w ON w.id = a.watchlist_id
        WHERE a.organization_id = $1 AND a.opened_at >= ($2::date::timestamp AT TIME ZONE ${tz}) AND a.opened_at < (($2::date + 1)::timestamp AT TIME ZONE ${tz})
        ORDER BY a.opened_at`,
      [organizationId, date],
    );
    return {
      organizationId,
      date,
      timeZone: MENTIONS_TIME_ZONE,
      total,
      byWatchlist: byWatchlist.map((w) => ({ watchlistId: w.watchlist_id, name: w.name, count: w.count })),
      byChannel,

      topPosts: topPosts.map((m: any) => ({
        id: m.id,
        watchlistId: m.watchlist_id,
        channel: m.channel,
        authorHandle: m.author_handle,
        authorName: m.author_name,
        text: m.text,
        url: m.url,
        reach: m.reach,
        likes: m.like_count,
        publishedAt: new Date(m.published_at).toISOString(),
      })),

      spikes: spikes.map((a: any) => ({
        alertId: a.id,
        kind: a.kind,
        watchlistId: a.watchlist_id,
        name: a.name,
        openedAt: new Date(a.opened_at).toISOString(),
        closedAt: a.closed_at ? new Date(a.closed_at).toISOString() : null,
        hourCount: a.hour_count,
        peakCount: a.peak_count,
        threshold: a.threshold,
      })),
    };
  }
}
