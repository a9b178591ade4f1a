import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldForSearch } from '@civic/domain';
import { SentimentReading } from '@civic/readings';
import { MentionCandidate } from './mention-candidate';
import { MentionEventHooks } from './mention-event.hooks';

export interface StoreOutcome {
  inserted: number;
  linked: number;
}

/**
 * Writes mentions idempotently. One row per watchlist × channel × external id: storing the same post again
 * (a re-scan, a second search page, the same tweet through search and then through the inbox) only links
 * the inbox message when the row had none and refreshes metrics that became known.
 */
@Injectable()
export class MentionStoreService {
  /** Read once when the mention is first stored: the negative-mention spike counts these. */
  private readonly sentiment = new SentimentReading();

  async store(manager: EntityManager, candidates: MentionCandidate[]): Promise<StoreOutcome> {
    const outcome: StoreOutcome = { inserted: 0, linked: 0 };
    for (const c of candidates) {
      const reading = c.text ? this.sentiment.read(c.text) : null;
      const rows: { id: string; inserted: boolean; linked: boolean }[] = await manager.query(
        `WITH prior AS (
           SELECT message_id FROM mention WHERE watchlist_id = $2 AND channel = $4 AND external_id = $5
         ), msg AS (
           SELECT COALESCE($3::uuid, (SELECT m.id FROM message m
              WHERE m.organization_id = $1 AND m.channel = $4 AND m.external_id = $5 AND m.direction = 'in'
              ORDER BY m.received_at, m.id LIMIT 1)) AS id
         )
         INSERT INTO mention (organization_id, watchlist_id, message_id, channel, external_id, source, author_external_id,
                              author_name, author_handle, text, search_text, url, matched_terms, published_at,
                              author_followers, like_count, repost_count, reply_count, reach, sentiment, sentiment_score)
         SELECT $1, $2, msg.id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14, $15, $16, $17, $18, $19, $20, $21 FROM msg
         ON CONFLICT (watchlist_id, channel, external_id, organization_id) DO UPDATE SET
           message_id = COALESCE(mention.message_id, EXCLUDED.message_id),
           author_followers = COALESCE(EXCLUDED.author_followers, mention.author_followers),
           like_count = COALESCE(EXCLUDED.like_count, mention.like_count),
           repost_count = COALESCE(EXCLUDED.repost_count, mention.repost_count),
           reply_count = COALESCE(EXCLUDED.reply_count, mention.reply_count),
           reach = COALESCE(EXCLUDED.reach, mention.reach),
           url = COALESCE(mention.url, EXCLUDED.url)
         RETURNING id, (xmax = 0) AS inserted,
                   (xmax <> 0 AND message_id IS NOT NULL AND (SELECT message_id FROM prior) IS NULL) AS linked`,
        [
          c.organizationId,
          c.watchlistId,
          c.messageId,
          c.channel,
          c.externalId,
          c.source,
          c.authorExternalId,
          c.authorName,
          c.authorHandle,
          c.text,
          foldForSearch(c.text),
          c.url,
          c.matchedTerms,
          c.publishedAt,
          c.authorFollowers,
          c.likeCount,
          c.repostCount,
          c.replyCount,
          c.reach,
          reading?.label ?? null,
          reading?.score ?? null,
        ],
      );
      if (rows[0]?.inserted) {
        outcome.inserted += 1;
        // Only a new row is an event: a post stored again or linked to its inbox message is the same mention.
        await MentionEventHooks.emit(manager, {
          organizationId: c.organizationId,
          mentionId: rows[0].id,
          watchlistId: c.watchlistId,
          key: `mention:${rows[0].id}`,
        });
      } else if (rows[0]?.linked) {
        outcome.linked += 1;
      }
    }
    return outcome;
  }
}
