import { Injectable } from '@nestjs/common';
import { ChannelAccountContext } from '@civic/channels-core';
import { MetaGraphClient, metaAccessToken } from '@civic/channels-meta';

/** A public post (or comment) that @mentions the page. `from` is given for pages, not for people. */
export interface FacebookTaggedPost {
  id: string;
  message?: string;
  created_time: string;
  permalink_url?: string;
  from?: { id: string; name?: string };
}

export const TAGGED_FIELDS = 'id,message,created_time,permalink_url,from';
const TAGGED_PAGE_SIZE = 25;

/**
 * The Facebook Graph API reads behind mentions tracking: `GET /{page-id}/tagged` (public posts that tag
 * the page, newest first; needs pages_read_user_content) and the words of a post or comment that the
 * page webhook's `mention` field only names by id (`GET /{post-or-comment-id}`).
 */
@Injectable()
export class FacebookMentionsClient {
  constructor(private readonly graph: MetaGraphClient) {}

  /** `onPage` returns false to stop once the posts are older than what was already read. */
  async taggedPosts(
    account: ChannelAccountContext,
    onPage: (posts: FacebookTaggedPost[]) => boolean | void,
    maxPages = 10,
  ): Promise<void> {
    await this.graph.paginate<FacebookTaggedPost>(
      `/${account.externalId}/tagged`,
      metaAccessToken(account),
      { fields: TAGGED_FIELDS, limit: TAGGED_PAGE_SIZE },
      onPage,
      maxPages,
    );
  }

  async mentioningObject(account: ChannelAccountContext, objectId: string): Promise<FacebookTaggedPost> {
    return this.graph.get<FacebookTaggedPost>(`/${objectId}`, metaAccessToken(account), { fields: TAGGED_FIELDS });
  }
}
