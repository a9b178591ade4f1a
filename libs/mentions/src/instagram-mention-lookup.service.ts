import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelAccountContext } from '@civic/channels-core';
import { InstagramMentionsClient } from '@civic/channels-instagram';
import { Channel } from '@civic/domain';
import { InboxMentionLookup, MentionContent, MentionMessageRow, rawId } from './inbox-mention-lookup.base';
import { metricCount } from './mention-metrics';
import { MentionSourceStatesService } from './mention-source-states.service';
import { MentionStoreService } from './mention-store.service';

/**
 * Instagram @mentions (`mentions` webhook field: `{ media_id }` for a caption, `{ media_id, comment_id }` for
 * a comment) as a mention source: the words come from `mentioned_media` / `mentioned_comment` on the IG user.
 */
@Injectable()
export class InstagramMentionLookupService extends InboxMentionLookup {
  protected readonly channel = Channel.Instagram;
  protected readonly source = 'instagram_mention' as const;
  protected readonly lockName = 'instagram-mentions';

  constructor(
    dataSource: DataSource,
    states: MentionSourceStatesService,
    accounts: AccountContextService,
    store: MentionStoreService,
    private readonly instagram: InstagramMentionsClient,
  ) {
    super(dataSource, states, accounts, store);
  }

  protected async fetch(account: ChannelAccountContext, row: MentionMessageRow): Promise<MentionContent | null> {
    const commentId = rawId(row.raw, 'comment_id');
    if (commentId) {
      const comment = await this.instagram.mentionedComment(account, commentId);
      if (!comment) {
        return null;
      }
      return {
        text: comment.text ?? null,
        authorExternalId: null,
        authorName: null,
        authorHandle: comment.username ?? null,
        url: comment.media?.permalink ?? null,
        likes: metricCount(comment.like_count),
        comments: null,
        at: comment.timestamp ? new Date(comment.timestamp) : row.sent_at,
      };
    }
    const media = await this.instagram.mentionedMedia(account, rawId(row.raw, 'media_id') ?? row.external_id);
    if (!media) {
      return null;
    }
    return {
      text: media.caption ?? null,
      authorExternalId: null,
      authorName: null,
      authorHandle: media.username ?? null,
      url: media.permalink ?? null,
      likes: metricCount(media.like_count),
      comments: metricCount(media.comments_count),
      at: media.timestamp ? new Date(media.timestamp) : row.sent_at,
    };
  }
}
