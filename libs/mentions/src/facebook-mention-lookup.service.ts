import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountContextService } from '@civic/channels';
import { ChannelAccountContext } from '@civic/channels-core';
import { FacebookMentionsClient } from '@civic/channels-facebook';
import { Channel } from '@civic/domain';
import { InboxMentionLookup, MentionContent, MentionMessageRow, rawId } from './inbox-mention-lookup.base';
import { MentionSourceStatesService } from './mention-source-states.service';
import { MentionStoreService } from './mention-store.service';

/**
 * Facebook page @mentions (page webhook `mention` field: `{ post_id, sender_id, sender_name, item, verb }`,
 * with comment_id for a comment) as a mention source: the words come from `GET /{post-or-comment-id}`.
 */
@Injectable()
export class FacebookMentionLookupService extends InboxMentionLookup {
  protected readonly channel = Channel.Facebook;
  protected readonly source = 'facebook_mention' as const;
  protected readonly lockName = 'facebook-mentions';

  constructor(
    dataSource: DataSource,
    states: MentionSourceStatesService,
    accounts: AccountContextService,
    store: MentionStoreService,
    private readonly facebook: FacebookMentionsClient,
  ) {
    super(dataSource, states, accounts, store);
  }

  protected async fetch(account: ChannelAccountContext, row: MentionMessageRow): Promise<MentionContent | null> {
    const object = await this.facebook.mentioningObject(account, row.external_id);
    const senderName = row.raw?.sender_name;
    return {
      text: object.message ?? null,
      authorExternalId: object.from?.id ?? rawId(row.raw, 'sender_id'),
      authorName: object.from?.name ?? (typeof senderName === 'string' ? senderName : null),
      authorHandle: null,
      url: object.permalink_url ?? null,
      likes: null,
      comments: null,
      at: object.created_time ? new Date(object.created_time) : row.sent_at,
    };
  }
}
