import { Channel } from '@civic/domain';

export interface MentionMetrics {
  authorFollowers: number | null;
  likeCount: number | null;
  repostCount: number | null;
  replyCount: number | null;
  reach: number | null;
  url: string | null;
}

type Json = Record<string, unknown>;

export const metricCount = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.floor(value), 2_147_483_647) : null;
const object = (value: unknown): Json | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;

/**
 * Reach and engagement where the channel payload carries them: X v2 `public_metrics` (when requested),
 * X v1.1 Account Activity tweets (`user.followers_count`, `favorite_count`, `retweet_count`), Meta
 * `like_count` / `permalink`. Unknown stays null: no guessing.
 */
export function extractMentionMetrics(
  channel: Channel,
  externalId: string,
  authorHandle: string | null,
  raw: unknown,
): MentionMetrics {
  const payload = object(raw) ?? {};
  const metrics = object(payload.public_metrics);
  const user = object(payload.user) ?? object(payload.author);
  const userMetrics = object(user?.public_metrics);
  const authorFollowers = metricCount(userMetrics?.followers_count) ?? metricCount(user?.followers_count);
  const likeCount =
    metricCount(metrics?.like_count) ?? metricCount(payload.favorite_count) ?? metricCount(payload.like_count);
  const repostCount = metricCount(metrics?.retweet_count) ?? metricCount(payload.retweet_count);
  const replyCount = metricCount(metrics?.reply_count) ?? metricCount(payload.reply_count);
  const impressions = metricCount(metrics?.impression_count);
  const permalink =
    typeof payload.permalink === 'string'
      ? payload.permalink
      : typeof payload.permalink_url === 'string'
        ? payload.permalink_url
        : null;
  let url = permalink;
  if (!url && channel === Channel.Twitter && /^\d+$/.test(externalId)) {
    url = authorHandle
      ? `https://x.com/${authorHandle.replace(/^@/, '')}/status/${externalId}`
      : `https://x.com/i/web/status/${externalId}`;
  }
  return { authorFollowers, likeCount, repostCount, replyCount, reach: authorFollowers ?? impressions, url };
}
