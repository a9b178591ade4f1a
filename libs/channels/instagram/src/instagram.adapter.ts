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
  readMetaEnvelope,
  refuseInvalidContent,
  refuseInvalidPrivateReply,
  sendMessagingReply,
} from '@civic/channels-meta';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { mapInstagramChange } from './instagram-change.mapper';

const DM_TEXT_LIMIT = 1000;
const COMMENT_TEXT_LIMIT = 2200;
const MAX_MEDIA_PAGES = 3;

interface GraphIgUser {
  id: string;
  username?: string;
}

interface GraphIgComment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  from?: GraphIgUser;
  replies?: { data?: GraphIgComment[] };
}

interface GraphIgMedia {
  id: string;
  caption?: string;
  timestamp: string;
  media_type?: string;
  permalink?: string;
}

const IG_COMMENT_FIELDS =
  'id,text,timestamp,username,from{id,username},replies{id,text,timestamp,username,from{id,username}}';

/** Instagram professional account: comments, replies, mentions, DMs, story mentions, reactions. */
@Injectable()
export class InstagramAdapter implements ChannelAdapter {
  readonly channel = Channel.Instagram;
  /** Messenger API for Instagram: 100 calls/s per professional account for private replies to Live comments, 300/s for text sends; the lower one. */
  readonly defaultSendRatePerSecond = 100;
  readonly webhookObjects = ['instagram'] as const;

  constructor(private readonly graph: MetaGraphClient) {}

  parseWebhook(body: unknown): NormalizedEvent[] {
    const events: NormalizedEvent[] = [];
    for (const entry of readMetaEnvelope(body, this.webhookObjects)) {
      for (const change of entry.changes) {
        events.push(...mapInstagramChange(entry.id, change.field, change.value, entry.time));
      }
      for (const messaging of entry.messaging) {
        events.push(...parseMessagingEvent(Channel.Instagram, entry.id, messaging, entry.time));
      }
    }
    return events;
  }

  async poll(account: ChannelAccountContext): Promise<PollResult> {
    const token = metaAccessToken(account);
    const comments = await this.pollComments(account, token);
    const dms = await pollConversations(this.graph, {
      channel: Channel.Instagram,
      accountExternalId: account.externalId,
      token,
      platform: 'instagram',
      cursor: account.cursors.conversations,
    });
    const cursors: Record<string, string> = {};
    if (comments.cursor && comments.cursor !== account.cursors.comments) {
      cursors.comments = comments.cursor;
    }
    if (dms.cursor && dms.cursor !== account.cursors.conversations) {
      cursors.conversations = dms.cursor;
    }
    return { events: [...comments.events, ...dms.events], cursors };
  }

  /** Instagram DMs take images only (8 MB, fetched by Instagram from a link); comments and private replies are text only. */
  replyMediaPolicy(target: ReplyMediaTarget): ReplyMediaPolicy {
    if (target.privateReply) {
      return noReplyMedia('A private reply can only carry text.');
    }
    if (target.conversationKind !== ConversationKind.Direct) {
      return noReplyMedia('Instagram comment replies can only carry text.');
    }
    return {
      rules: [{ type: AttachmentType.Image, mimeTypes: JPEG_PNG, maxBytes: 8 * MB }],
      maxCount: 4,
      needsPublicUrl: true,
    };
  }

  validateReply(request: OutboundReply): void {
    // No reply buttons here: their titles are written under the text.
    const reply = withButtonsAsText(request);
    if (reply.template) {
      throw new ReplyRefusedError('template_not_supported', 'Instagram has no message templates; write a text reply.');
    }
    refuseMediaOutsidePolicy(reply.media, this.replyMediaPolicy(reply));
    if (reply.privateReply) {
      refuseInvalidContent(reply, DM_TEXT_LIMIT);
      refuseInvalidPrivateReply(reply);
      return;
    }
    if (isDirectMessage(reply)) {
      refuseInvalidContent(reply, DM_TEXT_LIMIT);
      if (!reply.recipientExternalId) {
        throw new ReplyRefusedError('missing_recipient', 'The conversation has no recipient to message.');
      }
      messagingTypeFor(reply);
      return;
    }
    refuseInvalidContent(reply, COMMENT_TEXT_LIMIT);
    if (reply.media?.length) {
      throw new ReplyRefusedError('media_not_supported', 'Instagram comment replies can only carry text.');
    }
    if (!reply.inReplyTo && !reply.rootExternalId) {
      throw new ReplyRefusedError('missing_target', 'There is no post or comment to reply to.');
    }
  }

  /** The Instagram user profile profile API: name and picture of a person who wrote to the account. */
  fetchProfile(account: ChannelAccountContext, userExternalId: string): Promise<ContactProfile> {
    return fetchMessagingProfile(this.graph, metaAccessToken(account), userExternalId, 'instagram');
  }

  async sendReply(account: ChannelAccountContext, request: OutboundReply): Promise<SendResult> {
    this.validateReply(request);
    const reply = withButtonsAsText(request);
    const token = metaAccessToken(account);
    if (reply.privateReply || isDirectMessage(reply)) {
      return sendMessagingReply(this.graph, token, account.externalId, reply, { tagEchoes: false, uploadFiles: false });
    }
    let response: { id: string };
    if (reply.inReplyTo?.kind === MessageKind.Mention) {
      // A comment that @mentions us lives on someone else's media: answer through the mentions edge.
      response = await this.graph.post(`/${account.externalId}/mentions`, token, {
        media_id: reply.rootExternalId,
        comment_id: reply.inReplyTo.externalId,
        message: reply.text,
      });
    } else if (reply.inReplyTo && reply.inReplyTo.externalId !== reply.rootExternalId) {
      response = await this.graph.post(`/${reply.inReplyTo.externalId}/replies`, token, { message: reply.text });
    } else {
      response = await this.graph.post(`/${reply.rootExternalId}/comments`, token, { message: reply.text });
    }
    return { externalId: response.id, raw: response };
  }

  /** The account's recent media (its own posts open threads) and their comments with replies, newer than the `comments` cursor. */
  private async pollComments(
    account: ChannelAccountContext,
    token: string,
  ): Promise<{ events: MessageEvent[]; cursor: string | undefined }> {
    const igId = account.externalId;
    const since = account.cursors.comments ? new Date(account.cursors.comments).getTime() : Number.NEGATIVE_INFINITY;
    let cursor = account.cursors.comments;
    const media: GraphIgMedia[] = [];
    await this.graph.paginate<GraphIgMedia>(
      `/${igId}/media`,
      token,
      { fields: 'id,caption,timestamp,media_type,permalink', limit: 25 },
      (page) => void media.push(...page),
      MAX_MEDIA_PAGES,
    );
    const events: MessageEvent[] = [];
    for (const item of media) {
      const postedAt = parseMetaTime(item.timestamp);
      if (postedAt && postedAt.getTime() > since) {
        events.push({
          type: 'message',
          channel: Channel.Instagram,
          accountExternalId: igId,
          occurredAt: postedAt,
          externalId: item.id,
          direction: MessageDirection.Outbound,
          kind: MessageKind.Post,
          text: item.caption ?? null,
          attachments: [],
          contact: { externalId: igId, handle: account.handle },
          thread: { kind: ConversationKind.Public, key: postThreadKey(item.id), rootExternalId: item.id },
          raw: item,
        });
        cursor = laterIso(cursor, postedAt);
      }
      const comments: Array<{ comment: GraphIgComment; parentId: string }> = [];
      await this.graph.paginate<GraphIgComment>(
        `/${item.id}/comments`,
        token,
        { fields: IG_COMMENT_FIELDS, limit: 50 },
        (page) => {
          for (const comment of page) {
            comments.push({ comment, parentId: item.id });
            for (const reply of comment.replies?.data ?? []) {
              comments.push({ comment: reply, parentId: comment.id });
            }
          }
        },
      );
      for (const { comment, parentId } of comments) {
        const at = parseMetaTime(comment.timestamp);
        if (!at || at.getTime() <= since || !comment.from?.id) {
          continue;
        }
        events.push({
          type: 'message',
          channel: Channel.Instagram,
          accountExternalId: igId,
          occurredAt: at,
          externalId: comment.id,
          direction: comment.from.id === igId ? MessageDirection.Outbound : MessageDirection.Inbound,
          kind: parentId === item.id ? MessageKind.Comment : MessageKind.Reply,
          text: comment.text ?? null,
          attachments: [],
          contact: { externalId: comment.from.id, handle: comment.from.username ?? comment.username ?? null },
          thread: commentThread(igId, item.id, comment.from.id),
          parentExternalId: parentId,
          raw: { ...comment, replies: undefined },
        });
        cursor = laterIso(cursor, at);
      }
    }
    return { events, cursor };
  }
}
