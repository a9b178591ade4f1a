import { Injectable } from '@nestjs/common';
import { ChannelAccountContext } from '@civic/channels-core';
import { GraphPage, MetaGraphClient, metaAccessToken } from '@civic/channels-meta';

/** An IG Media as hashtag search and mention lookups return it (only the requested fields are present). */
export interface InstagramPublicMedia {
  id: string;
  caption?: string;
  timestamp?: string;
  media_type?: string;
  permalink?: string;
  like_count?: number;
  comments_count?: number;
  /** Only on mentioned media; hashtag search never gives the author. */
  username?: string;
}

/** An IG Comment in which the account was @mentioned. */
export interface InstagramMentionedComment {
  id: string;
  text?: string;
  timestamp?: string;
  like_count?: number;
  username?: string;
  media?: { id: string; permalink?: string };
}

/** Fields of hashtag media: `username` cannot be requested on recent_media. */
export const HASHTAG_MEDIA_FIELDS = 'id,caption,media_type,comments_count,like_count,permalink,timestamp';
/** recent_media serves at most 50 per page. */
export const HASHTAG_PAGE_SIZE = 50;
const MENTIONED_MEDIA_FIELDS = 'id,caption,media_type,comments_count,like_count,permalink,timestamp,username';
const MENTIONED_COMMENT_FIELDS = 'id,text,timestamp,like_count,username,media{id,permalink}';

/**
 * The Instagram Graph API reads behind mentions tracking: hashtag id lookup (`GET /ig_hashtag_search`),
 * a hashtag's recent media (`GET /{hashtag-id}/recent_media`, last 24 hours, cursor-paginated) and the
 * content of an @mention the `mentions` webhook only names by id (`mentioned_media` / `mentioned_comment`
 * field expansions on the IG user). Hashtag reads need the Instagram Public Content Access feature.
 */
@Injectable()
export class InstagramMentionsClient {
  constructor(private readonly graph: MetaGraphClient) {}

  /** The hashtag's id (static and global), or null when Instagram knows none (or hides a sensitive tag). */
  async resolveHashtag(account: ChannelAccountContext, name: string): Promise<string | null> {
    const page = await this.graph.get<GraphPage<{ id: string }>>('/ig_hashtag_search', metaAccessToken(account), {
      user_id: account.externalId,
      q: name,
    });
    return page.data?.[0]?.id ?? null;
  }

  /** Walks recent media newest first; `onPage` returns false to stop (the rest is older than what was read). */
  async hashtagRecentMedia(
    account: ChannelAccountContext,
    hashtagId: string,
    onPage: (media: InstagramPublicMedia[]) => boolean | void,
    maxPages = 10,
  ): Promise<void> {
    await this.graph.paginate<InstagramPublicMedia>(
      `/${hashtagId}/recent_media`,
      metaAccessToken(account),
      { user_id: account.externalId, fields: HASHTAG_MEDIA_FIELDS, limit: HASHTAG_PAGE_SIZE },
      onPage,
      maxPages,
    );
  }

  async mentionedMedia(account: ChannelAccountContext, mediaId: string): Promise<InstagramPublicMedia | null> {
    const body = await this.graph.get<{ mentioned_media?: InstagramPublicMedia }>(
      `/${account.externalId}`,
      metaAccessToken(account),
      {
        fields: `mentioned_media.media_id(${mediaId}){${MENTIONED_MEDIA_FIELDS}}`,
      },
    );
    return body.mentioned_media ?? null;
  }

  async mentionedComment(account: ChannelAccountContext, commentId: string): Promise<InstagramMentionedComment | null> {
    const body = await this.graph.get<{ mentioned_comment?: InstagramMentionedComment }>(
      `/${account.externalId}`,
      metaAccessToken(account),
      {
        fields: `mentioned_comment.comment_id(${commentId}){${MENTIONED_COMMENT_FIELDS}}`,
      },
    );
    return body.mentioned_comment ?? null;
  }
}
