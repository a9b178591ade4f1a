import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@civic/database';
import { Channel, MentionWatchlist, MessageKind } from '@civic/domain';
import { MentionCandidate } from './mention-candidate';
import { extractMentionMetrics } from './mention-metrics';
import { MentionStoreService } from './mention-store.service';
import { WatchlistMatchers } from './watchlist-matchers';

/** Public inbound kinds that can mention the municipality (DMs are private and never mentions). */
export const PUBLIC_MESSAGE_KINDS = [MessageKind.Post, MessageKind.Comment, MessageKind.Reply, MessageKind.Mention];

const BATCH = 500;
/**
 * Each scan starts this far before the high-water mark: a message whose ingest transaction began earlier
 * (received_at = transaction start) but committed after the last scan is still seen. Re-scanned messages
 * cost a regex each; the unique key keeps their mentions single.
 */
export const SCAN_OVERLAP_SECONDS = 300;

interface MessageRow {
  id: string;
  channel: Channel;
  external_id: string;
  text: string | null;
  sent_at: Date;
  received_at: string;
  raw: unknown;
  author_external_id: string | null;
  author_name: string | null;
  author_handle: string | null;
}

export interface ScanReport {
  scanned: number;
  inserted: number;
  linked: number;
}

/**
 * Matches every public inbound inbox message against the watchlists. Progress is a high-water mark on
 * message.received_at per watchlist (a new watchlist starts from the beginning, so it covers history), so a
 * worker that was down catches up on its next run; one scanner at a time (advisory lock).
 */
@Injectable()
export class InboxMentionScannerService {
  private readonly logger = new Logger(InboxMentionScannerService.name);
  private readonly matchers = new WatchlistMatchers();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MentionStoreService,
  ) {}

  async scanAll(): Promise<ScanReport | 'locked'> {
    return withAdvisoryLock(this.dataSource, 'civic.mentions', 'inbox-scan', async () => {
      const total: ScanReport = { scanned: 0, inserted: 0, linked: 0 };
      const watchlists = await this.dataSource
        .getRepository(MentionWatchlist)
        .find({ where: { active: true }, order: { createdAt: 'ASC' } });
      for (const watchlist of watchlists) {
        const report = await this.scanWatchlist(watchlist);
        total.scanned += report.scanned;
        total.inserted += report.inserted;
        total.linked += report.linked;
      }
      return total;
    });
  }

  private async scanWatchlist(watchlist: MentionWatchlist): Promise<ScanReport> {
    const report: ScanReport = { scanned: 0, inserted: 0, linked: 0 };
    const matcher = this.matchers.for(watchlist);
    if (matcher.empty) {
      return report;
    }
    // Keyset position as PostgreSQL text, so microseconds survive the round trip through JavaScript.
    let position: { receivedAt: string; id: string } = await this.startPosition(watchlist.id);
    for (;;) {
      const rows: MessageRow[] = await this.dataSource.query(
        `SELECT m.id, m.channel, m.external_id, m.text, m.sent_at, m.received_at::text AS received_at, m.raw,
                c.channel_user_id AS author_external_id, c.name AS author_name, c.handle AS author_handle
           FROM message m LEFT JOIN contact c ON c.id = m.contact_id
          WHERE m.organization_id = $1 AND (m.received_at, m.id) > ($2::timestamptz, $3::uuid)
            AND m.direction = 'in' AND m.kind = ANY($4::text[]) AND m.deleted = false AND m.external_id IS NOT NULL
          ORDER BY m.received_at, m.id LIMIT $5`,
        [watchlist.organizationId, position.receivedAt, position.id, PUBLIC_MESSAGE_KINDS, BATCH],
      );
      if (rows.length === 0) {
        break;
      }
      const candidates: MentionCandidate[] = [];
      for (const row of rows) {
        const result = matcher.match(row.text);
        if (!result.matched) {
          continue;
        }
        candidates.push({
          organizationId: watchlist.organizationId,
          watchlistId: watchlist.id,
          messageId: row.id,
          channel: row.channel,
          externalId: row.external_id,
          source: 'inbox',
          authorExternalId: row.author_external_id,
          authorName: row.author_name,
          authorHandle: row.author_handle,
          text: row.text,
          matchedTerms: result.terms,
          publishedAt: row.sent_at,
          ...extractMentionMetrics(row.channel, row.external_id, row.author_handle, row.raw),
        });
      }
      const last = rows[rows.length - 1];
      position = { receivedAt: last.received_at, id: last.id };
      await this.dataSource.transaction(async (manager) => {
        const stored = await this.store.store(manager, candidates);
        report.inserted += stored.inserted;
        report.linked += stored.linked;
        // Only ever forward: the overlap is taken from here on the next run.
        await manager.query(
          `UPDATE mention_watchlist SET scanned_received_at = GREATEST(COALESCE(scanned_received_at, '-infinity'), $2::timestamptz) WHERE id = $1`,
          [watchlist.id, last.received_at],
        );
      });
      report.scanned += rows.length;
      if (rows.length < BATCH) {
        break;
      }
    }
    if (report.inserted > 0) {
      this.logger.log(`Watchlist ${watchlist.id}: ${report.inserted} new mention(s) from the inbox`);
    }
    return report;
  }

  private async startPosition(watchlistId: string): Promise<{ receivedAt: string; id: string }> {
    const [row]: { start: string | null }[] = await this.dataSource.query(
      `SELECT (scanned_received_at - make_interval(secs => $2))::text AS start FROM mention_watchlist WHERE id = $1`,
      [watchlistId, SCAN_OVERLAP_SECONDS],
    );
    return { receivedAt: row?.start ?? '-infinity', id: '00000000-0000-0000-0000-000000000000' };
  }
}
