import { Injectable } from '@nestjs/common';
import {
  ChannelAccountContext,
  ChannelAdapter,
  ContactProfile,
  MessageEvent,
  NormalizedEvent,
  OutboundReply,
  JPEG_PNG,
  MB,
  noReplyMedia,
  PollResult,
  ReplyMediaPolicy,
  ReplyMediaTarget,
  refuseMediaOutsidePolicy,
  ReplyRefusedError,
  SendResult,
  withButtonsAsText,
} from '@civic/channels-core';
import {
  commentThread,
  fetchMessagingProfile,
  isDirectMessage,
  laterIso,
  messagingTypeFor,
  MetaGraphClient,
  metaAccessToken,
  parseMessagingEvent,
  parseMetaTime,
  pollConversations,
  postThreadKey,
  publicUrlOf,
  readMetaEnvelope,
  refuseInvalidContent,
  refuseInvalidPrivateReply,
  sendMessagingReply,
} from '@civic/channels-meta';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { mapFeedChange } from './facebook-feed.mapper';
import { mapPageMention } from './facebook-mention.mapper';

/** Messenger text limit; page comments allow far more. */
const MESSENGER_TEXT_LIMIT = 2000;
const COMMENT_TEXT_LIMIT = 8000;
const MAX_FEED_PAGES = 5;

interface GraphComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  parent?: { id: string };
  attachment?: { type?: string; url?: string; media?: { image?: { src?: string } } };
}

interface GraphPost {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  comments?: { data?: GraphComment[]; paging?: { cursors?: { after?: string }; next?: string } };
}

const COMMENT_FIELDS = 'id,message,created_time,from,parent{id},attachment';
export const FEED_FIELDS = `id,message,created_time,updated_time,from,comments.filter(stream).limit(100){${COMMENT_FIELDS}}`;

/** Facebook Page: feed comments and posts, Messenger DMs, comment replies, private replies, Send API. */
@Injectable()
export class FacebookAdapter implements ChannelAdapter {
  readonly channel = Channel.Facebook;
  /** A Page sending more than 40 messages/s hits Messenger's high-volume limit (its inbox stops showing and sending); the Send API itself allows 300 calls/s. */
  readonly defaultSendRatePerSecond = 40;
  readonly webhookObjects = ['page'] as const;

  constructor(private readonly graph: MetaGraphClient) {}

  parseWebhook(body: unknown): NormalizedEvent[] {
    const events: NormalizedEvent[] = [];
    for (const entry of readMetaEnvelope(body, this.webhookObjects)) {
      for (const change of entry.changes) {
        if (change.field === 'feed') {
          events.push(...mapFeedChange(entry.id, change.value, entry.time));
        }
        if (change.field === 'mention') {
          events.push(...mapPageMention(entry.id, change.value, entry.time));
        }
      }
      for (const messaging of entry.messaging) {
        events.push(...parseMessagingEvent(Channel.Facebook, entry.id, messaging, entry.time));
      }
    }
    return events;
  }

  async poll(account: ChannelAccountContext): Promise<PollResult> {
    const token = metaAccessToken(account);
    const feed = await this.pollFeed(account, token);
    const dms = await pollConversations(this.graph, {
      channel: Channel.Facebook,
      accountExternalId: account.externalId,
      token,
      platform: 'messenger',
      cursor: account.cursors.conversations,
    });
    const cursors: Record<string, string> = {};
    if (feed.cursor && feed.cursor !== account.cursors.feed) {
      cursors.feed = feed.cursor;
    }
    if (dms.cursor && dms.cursor !== account.cursors.conversations) {
      cursors.conversations = dms.cursor;
    }
    return { events: [...feed.events, ...dms.events], cursors };
  }

  /**
   * Messenger: images 8 MB, PDF 25 MB, uploaded through the Attachment Upload API. A page comment
   * takes one photo, which Facebook fetches from a link (attachment_url). A private reply is text only.
   */
  replyMediaPolicy(target: ReplyMediaTarget): ReplyMediaPolicy {
    if (target.privateReply) {
      return noReplyMedia('A private reply can only carry text.');
    }
    const image = { type: AttachmentType.Image, mimeTypes: JPEG_PNG, maxBytes: 8 * MB };
    if (target.conversationKind === ConversationKind.Direct) {
      return {
        rules: [image, { type: AttachmentType.Document, mimeTypes: ['application/pdf'], maxBytes: 25 * MB }],
        maxCount: 10,
      };
    }
    return { rules: [image], maxCount: 1, needsPublicUrl: true };
  }

  validateReply(request: OutboundReply): void {
    // No reply buttons here: their titles are written under the text.
    const reply = withButtonsAsText(request);
    if (reply.template) {
      throw new ReplyRefusedError('template_not_supported', 'Facebook has no message templates; write a text reply.');
    }
    refuseMediaOutsidePolicy(reply.media, this.replyMediaPolicy(reply));
    if (reply.privateReply) {
      refuseInvalidContent(reply, MESSENGER_TEXT_LIMIT);
      refuseInvalidPrivateReply(reply);
      return;
    }
    if (isDirectMessage(reply)) {
      refuseInvalidContent(reply, MESSENGER_TEXT_LIMIT);
      if (!reply.recipientExternalId) {
        throw new ReplyRefusedError('missing_recipient', 'The conversation has no recipient to message.');
      }
      messagingTypeFor(reply);
      return;
    }
    refuseInvalidContent(reply, COMMENT_TEXT_LIMIT);
    if (!reply.inReplyTo && !reply.rootExternalId) {
      throw new ReplyRefusedError('missing_target', 'There is no post or comment to reply to.');
    }
    if ((reply.media?.length ?? 0) > 1) {
      throw new ReplyRefusedError('one_attachment_only', 'A Facebook comment can carry only one attachment.');
    }
    if (reply.media?.some((m) => !m.channelUrl && !m.storageKey)) {
      throw new ReplyRefusedError('media_url_required', 'A comment attachment needs a public URL.');
    }
  }

  /** The Messenger User Profile profile API: name and picture of a person who wrote to the account. */
  fetchProfile(account: ChannelAccountContext, userExternalId: string): Promise<ContactProfile> {
    return fetchMessagingProfile(this.graph, metaAccessToken(account), userExternalId, 'messenger');
  }

  async sendReply(account: ChannelAccountContext, request: OutboundReply): Promise<SendResult> {
    this.validateReply(request);
    const reply = withButtonsAsText(request);
    const token = metaAccessToken(account);
    if (reply.privateReply || isDirectMessage(reply)) {
      return sendMessagingReply(this.graph, token, account.externalId, reply, { tagEchoes: true, uploadFiles: true });
    }
    const target = reply.inReplyTo?.externalId ?? reply.rootExternalId!;
    const body: Record<string, unknown> = {};
    if (reply.text?.trim()) {
      body.message = reply.text;
    }
    if (reply.media?.length) {
      // Facebook fetches a comment's photo itself: a link to our stored copy of an uploaded file.
      body.attachment_url = publicUrlOf(reply, 0);
    }
    const response = await this.graph.post<{ id: string }>(`/${target}/comments`, token, body);
    return { externalId: response.id, raw: response };
  }

  /** Page posts with their comments (flat stream incl. replies), everything newer than the `feed` cursor. */
  private async pollFeed(
    account: ChannelAccountContext,
    token: string,
  ): Promise<{ events: MessageEvent[]; cursor: string | undefined }> {
    const pageId = account.externalId;
    const since = account.cursors.feed ? new Date(account.cursors.feed).getTime() : Number.NEGATIVE_INFINITY;
    let cursor = account.cursors.feed;
    const posts: GraphPost[] = [];
    await this.graph.paginate<GraphPost>(
      `/${pageId}/feed`,
      token,
      { fields: FEED_FIELDS, limit: 25 },
      (page) => void posts.push(...page),
      MAX_FEED_PAGES,
    );

    const events: MessageEvent[] = [];
    for (const post of posts) {
      const comments = [...(post.comments?.data ?? [])];
      // More comments than fit inline: continue on the post's own comments edge.
      const after = post.comments?.paging?.next ? post.comments.paging.cursors?.after : undefined;
      if (after) {
        await this.graph.paginate<GraphComment>(
          `/${post.id}/comments`,
          token,
          { filter: 'stream', fields: COMMENT_FIELDS, limit: 100, after },
          (page) => void comments.push(...page),
        );
      }
      const postedAt = parseMetaTime(post.created_time);
      if (postedAt && postedAt.getTime() > since && post.from?.id) {
        events.push(this.postEvent(pageId, post, postedAt));
        cursor = laterIso(cursor, postedAt);
      }
      for (const comment of comments) {
        const at = parseMetaTime(comment.created_time);
        if (!at || at.getTime() <= since || !comment.from?.id) {
          continue;
        }
        events.push(this.commentEvent(pageId, post.id, comment, at));
        cursor = laterIso(cursor, at);
      }
    }
    return { events, cursor };
  }

  private postEvent(pageId: string, post: GraphPost, at: Date): MessageEvent {
    const from = post.from!;
    return {
      type: 'message',
      channel: Channel.Facebook,
      accountExternalId: pageId,
      occurredAt: at,
      externalId: post.id,
      direction: from.id === pageId ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind: MessageKind.Post,
      text: post.message ?? null,
      attachments: [],
      contact: { externalId: from.id, name: from.name ?? null },
      thread: { kind: ConversationKind.Public, key: postThreadKey(post.id), rootExternalId: post.id },
      raw: { ...post, comments: undefined },
    };
  }

  private commentEvent(pageId: string, postId: string, comment: GraphComment, at: Date): MessageEvent {
    const from = comment.from!;
    const parentId = comment.parent?.id ?? postId;
    const image = comment.attachment?.media?.image?.src;
    return {
      type: 'message',
      channel: Channel.Facebook,
      accountExternalId: pageId,
      occurredAt: at,
      externalId: comment.id,
      direction: from.id === pageId ? MessageDirection.Outbound : MessageDirection.Inbound,
      kind: parentId === postId ? MessageKind.Comment : MessageKind.Reply,
      text: comment.message || null,
      attachments: image ? [{ type: AttachmentType.Image, channelUrl: image }] : [],
      contact: { externalId: from.id, name: from.name ?? null },
      thread: commentThread(pageId, postId, from.id),
      parentExternalId: parentId,
      raw: comment,
    };
  }
}
