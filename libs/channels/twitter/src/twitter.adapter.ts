import { Injectable, Logger } from '@nestjs/common';
import type { ApiV2Includes, EUploadMimeType, TweetV2, TwitterApi } from 'twitter-api-v2';
import {
  ChannelAccountContext,
  ChannelAdapter,
  MessageEvent,
  NormalizedEvent,
  JPEG_PNG,
  MB,
  noReplyMedia,
  OutboundReply,
  PollResult,
  ReplyMediaPolicy,
  ReplyMediaTarget,
  refuseMediaOutsidePolicy,
  ReplyRefusedError,
  SendResult,
  withButtonsAsText,
} from '@civic/channels-core';
import { AttachmentType, Channel, ConversationKind } from '@civic/model';
import { TwitterClientFactory } from './twitter-client.factory';
import { classifyTwitterError } from './twitter-error.classifier';
import {
  DM_EVENT_QUERY_FIELDS,
  INITIAL_MENTIONS_BACKFILL_MS,
  SEARCH_QUERY_FIELDS,
  TWEET_QUERY_FIELDS,
  TWITTER_PAGE_SIZE,
} from './twitter-query.fields';
import { compareSnowflakes, isNewerThan, newestSnowflake } from './twitter-snowflake';
import { DMEventV2, TwitterV2Mapper } from './twitter-v2.mapper';
import { TwitterWebhookParser } from './twitter-webhook.parser';

type TwitterText = typeof import('twitter-text');
let twitterText: TwitterText | null = null;

/** X's own length rules (twitter-text, 0.1 s of loading): loaded at the first reply, not at boot. */
function parseTweet(): TwitterText['parseTweet'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  twitterText ??= require('twitter-text') as TwitterText;
  return twitterText.parseTweet;
}

/** Cursor names in ChannelAccountContext.cursors / PollResult.cursors. */
export const TWITTER_CURSORS = { mentions: 'mentions', dmEvents: 'dm_events' } as const;

/** Weighted-length limit of a tweet (twitter-text counts CJK/emoji double, URLs as 23). */
export const TWEET_MAX_WEIGHTED_LENGTH = 280;
/** X's limit for one direct message. */
export const DM_MAX_LENGTH = 10_000;

export interface TwitterSearchResult {
  /** Matching tweets, oldest first. */
  events: MessageEvent[];
  /** Newest tweet id seen (the next `sinceId`), or null when nothing matched. */
  newestId: string | null;
}

/**
 * X (Twitter) over twitter-api-v2 with user-context OAuth 1.0a. Polls mentions (`since_id` cursor) and DM
 * events (cursor = newest event id, X keeps 30 days), replies with `POST /2/tweets` and sends DMs.
 * Account Activity webhooks arrive on their own endpoint, hence no `webhookObjects`.
 */
@Injectable()
export class TwitterAdapter implements ChannelAdapter {
  readonly channel = Channel.Twitter;
  /**
   * POST /2/tweets: 200 requests per 15 minutes per user, one every 4.5 s when spread evenly. X's
   * longer windows (300 posts per 3 hours with reposts, DM limits) are not paced here; a 429 from
   * them pauses the account until X's reset time.
   */
  readonly defaultSendRatePerSecond = 200 / (15 * 60);
  readonly webhookObjects: readonly string[] = [];
  private readonly logger = new Logger(TwitterAdapter.name);
  private readonly webhookParser = new TwitterWebhookParser();

  constructor(private readonly clients: TwitterClientFactory) {}

  parseWebhook(body: unknown): NormalizedEvent[] {
    return this.webhookParser.parse(body);
  }

  /**
   * Mentions and DMs since the cursors. A failure anywhere throws (classified) and moves no cursor, so the
   * next poll fetches the same window again; ingest deduplicates on tweet / DM event ids.
   */
  async poll(account: ChannelAccountContext): Promise<PollResult> {
    const client = this.clients.forAccount(account);
    try {
      const mentions = await this.fetchMentions(client, account);
      const dms = await this.fetchDmEvents(client, account);
      const cursors: Record<string, string> = {};
      if (mentions.newestId) {
        cursors[TWITTER_CURSORS.mentions] = mentions.newestId;
      }
      if (dms.newestId) {
        cursors[TWITTER_CURSORS.dmEvents] = dms.newestId;
      }
      return { events: this.chronological([...mentions.events, ...dms.events]), cursors };
    } catch (error) {
      throw classifyTwitterError(error);
    }
  }

  /** Recent-search (last 7 days) for watch terms, every page newer than `sinceId`. */
  async searchRecent(
    account: ChannelAccountContext,
    query: string,
    sinceId: string | null,
  ): Promise<TwitterSearchResult> {
    const client = this.clients.forAccount(account);
    try {
      const paginator = await client.v2.search(query, {
        ...SEARCH_QUERY_FIELDS,
        max_results: TWITTER_PAGE_SIZE,
        ...(sinceId ? { since_id: sinceId } : {}),
      });
      while (!paginator.done) {
        await paginator.fetchNext(TWITTER_PAGE_SIZE);
      }
      const result = this.mapTweets(account, paginator.tweets, paginator.data.includes, sinceId);
      // The author's public_metrics (followers) live in includes.users: carry the author object next to the
      // tweet in raw, so reach is known wherever the event goes.
      const users = TwitterV2Mapper.indexIncludes(paginator.data.includes).users;
      const events = result.events.map((event) => {
        const tweet = event.raw as TweetV2;
        const author = tweet.author_id ? users.get(tweet.author_id) : undefined;
        return author ? { ...event, raw: { ...tweet, author } } : event;
      });
      return { events: this.chronological(events), newestId: result.newestId };
    } catch (error) {
      throw classifyTwitterError(error);
    }
  }

  /** An X DM carries one image (5 MB, uploaded through media/upload); tweet replies are text here. */
  replyMediaPolicy(target: ReplyMediaTarget): ReplyMediaPolicy {
    if (target.conversationKind !== ConversationKind.Direct && !target.privateReply) {
      return noReplyMedia('X tweet replies can only carry text here; answer in a DM to send a photo.');
    }
    return { rules: [{ type: AttachmentType.Image, mimeTypes: JPEG_PNG, maxBytes: 5 * MB }], maxCount: 1 };
  }

  validateReply(request: OutboundReply): void {
    // No reply buttons here: their titles are written under the text.
    const reply = withButtonsAsText(request);
    if (reply.template) {
      throw new ReplyRefusedError(
        'template_not_supported',
        'X şablon mesajı desteklemez. (X has no message templates.)',
      );
    }
    if (reply.media?.some((m) => !m.storageKey)) {
      throw new ReplyRefusedError(
        'media_not_supported',
        'X yanıtlarına yalnızca yüklenen dosya eklenebilir. (Only uploaded files can be attached to X replies.)',
      );
    }
    refuseMediaOutsidePolicy(reply.media, this.replyMediaPolicy(reply));
    const text = reply.text?.trim() ?? '';
    if (!text && !(this.sendsDm(reply) && reply.media?.length)) {
      throw new ReplyRefusedError('empty_text', 'Yanıt metni boş olamaz. (The reply text is empty.)');
    }

    if (this.sendsDm(reply)) {
      if (!reply.recipientExternalId) {
        throw new ReplyRefusedError('no_recipient', 'Mesajın alıcısı bilinmiyor. (The DM has no recipient.)');
      }
      if ([...text].length > DM_MAX_LENGTH) {
        throw new ReplyRefusedError(
          'text_too_long',
          `Mesaj en fazla ${DM_MAX_LENGTH} karakter olabilir. (A DM is limited to ${DM_MAX_LENGTH} characters.)`,
        );
      }
      return;
    }

    if (reply.inReplyTo?.deleted) {
      throw new ReplyRefusedError(
        'in_reply_to_deleted',
        'Yanıtlanan tweet silinmiş. (The tweet being answered was deleted.)',
      );
    }
    if (!this.replyTarget(reply)) {
      throw new ReplyRefusedError('no_reply_target', 'Yanıtlanacak tweet bilinmiyor. (No tweet to reply to.)');
    }
    const parsed = parseTweet()(text);
    if (parsed.weightedLength > TWEET_MAX_WEIGHTED_LENGTH) {
      throw new ReplyRefusedError(
        'text_too_long',
        `Tweet ${parsed.weightedLength}/${TWEET_MAX_WEIGHTED_LENGTH} ağırlıklı karakter; X en fazla ${TWEET_MAX_WEIGHTED_LENGTH} kabul eder. ` +
          `(The tweet is ${parsed.weightedLength} weighted characters; X allows ${TWEET_MAX_WEIGHTED_LENGTH}.)`,
      );
    }
    if (!parsed.valid) {
      throw new ReplyRefusedError(
        'invalid_text',
        'Tweet metni geçersiz karakter içeriyor. (The tweet text contains invalid characters.)',
      );
    }
  }

  async sendReply(account: ChannelAccountContext, request: OutboundReply): Promise<SendResult> {
    this.validateReply(request);
    const reply = withButtonsAsText(request);
    const client = this.clients.forAccount(account);
    const text = reply.text?.trim() ?? '';
    try {
      if (this.sendsDm(reply)) {
        // An officer's photo goes up through v2 media/upload (initialize, append, finalize) first.
        const attachments = [];
        for (const [index, media] of (reply.media ?? []).entries()) {
          const bytes = await reply.files!.read(index);
          const mediaId = await client.v2.uploadMedia(bytes, {
            media_type: media.mimeType as EUploadMimeType,
            media_category: 'dm_image',
          });
          attachments.push({ media_id: mediaId });
        }
        const result = await client.v2.sendDmToParticipant(reply.recipientExternalId!, {
          ...(text ? { text } : {}),
          // X takes one media per DM (replyMediaPolicy allows one).
          ...(attachments.length > 0 ? { attachments: [attachments[0]] as [{ media_id: string }] } : {}),
        });
        // The library types this as the flat `data` object but returns the whole body `{ data: {...} }`.
        const body = result as unknown as { data?: { dm_event_id?: string }; dm_event_id?: string };
        const eventId = body.data?.dm_event_id ?? body.dm_event_id;
        if (!eventId) {
          throw new Error('X DM send response carries no dm_event_id');
        }
        return { externalId: eventId, raw: result };
      }
      const result = await client.v2.reply(text, this.replyTarget(reply)!);
      return { externalId: result.data.id, raw: result };
    } catch (error) {
      throw classifyTwitterError(error);
    }
  }

  /** Private replies to a public tweet go to the author as a DM (the tweet itself stays unanswered). */
  private sendsDm(reply: OutboundReply): boolean {
    return reply.conversationKind === ConversationKind.Direct || reply.privateReply === true;
  }

  private replyTarget(reply: OutboundReply): string | null {
    return reply.inReplyTo?.externalId ?? reply.rootExternalId ?? null;
  }

  /** Every page since the cursor. The first poll of an account reaches back INITIAL_MENTIONS_BACKFILL_MS. */
  private async fetchMentions(client: TwitterApi, account: ChannelAccountContext) {
    const since = account.cursors[TWITTER_CURSORS.mentions];
    const paginator = await client.v2.userMentionTimeline(account.externalId, {
      ...TWEET_QUERY_FIELDS,
      max_results: TWITTER_PAGE_SIZE,
      ...(since
        ? { since_id: since }
        : { start_time: new Date(Date.now() - INITIAL_MENTIONS_BACKFILL_MS).toISOString() }),
    });
    // Own loop rather than fetchLast(): fetchLast stops silently when the window runs out, which would
    // move the cursor past unread pages; here a 429 throws and the cursor stays.
    while (!paginator.done) {
      await paginator.fetchNext(TWITTER_PAGE_SIZE);
    }
    return this.mapTweets(account, paginator.tweets, paginator.data.includes, since);
  }

  /** DM events come newest first with no since_id: page until the cursor is reached (or 30 days end). */
  private async fetchDmEvents(client: TwitterApi, account: ChannelAccountContext) {
    const since = account.cursors[TWITTER_CURSORS.dmEvents];
    const paginator = await client.v2.listDmEvents({ ...DM_EVENT_QUERY_FIELDS, max_results: TWITTER_PAGE_SIZE });
    const reachedCursor = () => !!since && paginator.events.some((event) => !isNewerThan(event.id, since));
    while (!paginator.done && !reachedCursor()) {
      await paginator.fetchNext(TWITTER_PAGE_SIZE);
    }

    const fresh = this.unique(paginator.events.filter((event) => isNewerThan(event.id, since)));
    const includes = TwitterV2Mapper.indexIncludes(paginator.data.includes);
    const events = this.mapped(
      fresh,
      (event: DMEventV2) => TwitterV2Mapper.mapDmEvent(account.externalId, event, includes),
      'DM event',
    );
    return { events, newestId: newestSnowflake(fresh.map((event) => event.id)) };
  }

  private mapTweets(
    account: ChannelAccountContext,
    tweets: TweetV2[],
    rawIncludes: ApiV2Includes | undefined,
    since: string | null | undefined,
  ) {
    const fresh = this.unique(tweets.filter((tweet) => isNewerThan(tweet.id, since)));
    const includes = TwitterV2Mapper.indexIncludes(rawIncludes);
    const events = this.mapped(
      fresh,
      (tweet: TweetV2) => TwitterV2Mapper.mapTweet(account.externalId, tweet, includes),
      'tweet',
    );
    return { events, newestId: newestSnowflake(fresh.map((tweet) => tweet.id)) };
  }

  private mapped<T extends { id: string }>(
    items: T[],
    map: (item: T) => MessageEvent | null,
    what: string,
  ): MessageEvent[] {
    const events: MessageEvent[] = [];
    for (const item of items) {
      const event = map(item);
      if (event) {
        events.push(event);
      } else {
        this.logger.debug(`Skipped ${what} ${item.id} (retweet, group DM, non-message event or missing author)`);
      }
    }
    return events;
  }

  private unique<T extends { id: string }>(items: T[]): T[] {
    const seen = new Set<string>();
    return items.filter((item) => !seen.has(item.id) && !!seen.add(item.id));
  }

  private chronological(events: MessageEvent[]): MessageEvent[] {
    return [...events].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || compareSnowflakes(a.externalId, b.externalId),
    );
  }
}
