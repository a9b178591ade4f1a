import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, textFingerprint } from '@civic/audit';
import { ChannelRegistry, replyButtonsProblem } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { Channel, ConversationKind, DeliveryState, foldForSearch, MessageDirection, MessageKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { MessageDispatchStore } from '@civic/messages';
import { QueueService } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { checkReplyCollision } from './reply-collision.checker';
import { ReplyRequest, ReplyResponse, StoredReplyRequest } from './reply-request';
import { replySendQueue, ReplySendJob } from './reply-send.queue';
import { ReplyUploadService } from './reply-upload.service';

/** Largest reply text accepted (bytes, UTF-8); every channel's own limit is far below it. */
export const REPLY_TEXT_MAX_BYTES = 64 * 1024;
const PREVIEW_LENGTH = 280;

/** Who is replying: an officer, or the product itself (userId null: an automatic message to the citizen). */
export interface ReplyAuthor {
  userId: string | null;
  organizationId: string;
  /** An automatic message (libs/citizen-loop): named in the audit trail instead of a user. */
  automatic?: { kind: string; noticeId: string };
  /**
   * Sent by an automation rule or a macro (libs/automation): kept on the message (raw.automation) and
   * in the audit trail. Such a message is outbound, and rules fire on inbound events only, so it
   * never triggers a rule; the mark lets any later trigger tell it apart as well.
   */
  automation?: { origin: 'rule' | 'macro'; id: string; name: string };
}

/**
 * Accepts an officer's reply: routes it to the conversation's channel, account and thread, lets the
 * adapter check the channel rules, then stores the queued outbound message and its send job in one
 * transaction (transactional outbox), so a reply is either queued and stored, or neither.
 */
@Injectable()
export class ReplyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ChannelRegistry,
    private readonly builder: OutboundReplyBuilder,
    private readonly queue: QueueService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly messages: MessageDispatchStore,
    private readonly uploads: ReplyUploadService,
  ) {}

  /**
   * Throws ReplyRefusedError (channel rule) or a DomainError (unknown conversation, invalid text, reused key).
   * With `outer`, the reply is stored in the caller's transaction (the citizen notice worker), else in its own.
   */
  async reply(
    author: ReplyAuthor,
    conversationId: string,
    request: ReplyRequest,
    idempotencyKey?: string,
    outer?: EntityManager,
  ): Promise<ReplyResponse> {
    checkContent(request);
    if (idempotencyKey) {
      const replayed = await this.replayed(this.dataSource.manager, author, idempotencyKey);
      if (replayed) {
        return replayed;
      }
    }

    const manager = outer ?? this.dataSource.manager;
    const conversation = await this.builder.conversation(manager, author.organizationId, conversationId);
    const target = await this.builder.target(manager, conversation, request.inReplyToMessageId);
    const attachments = [
      ...this.builder.attachments(request.media),
      ...(await this.uploads.attachments(author.organizationId, conversation.id, request.attachmentIds ?? [], manager)),
    ];
    const stored: StoredReplyRequest = {
      ...(request.template
        ? {
            template: {
              name: request.template.name,
              language: request.template.language,
              parameters: request.template.parameters ?? [],
            },
          }
        : {}),
      ...(request.privateReply ? { privateReply: true } : {}),
      ...(request.buttons?.length
        ? { buttons: request.buttons.map((button) => ({ id: button.id, title: button.title })) }
        : {}),
    };
    const text = request.text ?? null;
    const now = new Date();
    const outbound = this.builder.build(conversation, target, { text, attachments, ...stored }, now);
    this.registry.get(conversation.channel as Channel).validateReply(outbound);

    const kind =
      conversation.kind === ConversationKind.Public && !request.privateReply ? MessageKind.Reply : MessageKind.Dm;
    const contactId =
      conversation.kind === ConversationKind.Direct
        ? conversation.contact_id
        : (target?.contact_id ?? conversation.contact_id);

    await this.queue.ensureQueue(replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS)); // before the transaction: on PGlite other sessions wait for it to end
    try {
      const store = async (tx: EntityManager): Promise<ReplyResponse> => {
        await checkReplyCollision(tx, author, conversation.id, request);
        const message = await this.messages.insertQueuedReply(tx, {
          organizationId: author.organizationId,
          channel: conversation.channel,
          channelAccountId: conversation.channel_account_id,
          conversationId: conversation.id,
          direction: MessageDirection.Outbound,
          kind,
          text,
          searchText: foldForSearch(text ?? ''),
          attachments,
          parentMessageId: target?.id ?? null,
          parentExternalId: target?.external_id ?? null,
          contactId,
          authorUserId: author.userId,
          sentAt: now.toISOString(),
          deliveryState: DeliveryState.Queued,
          raw: { request: stored, ...(author.automation ? { automation: author.automation } : {}) },
        });
        // An automatic notice keeps the citizen's words (or the officer's last reply) as the list's preview:
        // at night every new conversation gets the out-of-hours reply, and the list must still say what was asked.
        await tx.query(
          `UPDATE conversation SET message_count = message_count + 1, last_activity_at = GREATEST(last_activity_at, $2),
                  last_message_preview = CASE WHEN $4 AND last_message_preview IS NOT NULL THEN last_message_preview ELSE $3 END,
                  -- An officer's answer ends the urgency; an automatic notice does not.
                  urgent_since = CASE WHEN $4 THEN urgent_since END,
                  urgency_terms = CASE WHEN $4 THEN urgency_terms ELSE '{}' END
            WHERE id = $1`,
          [conversation.id, now.toISOString(), preview(text, attachments[0]?.type ?? null), !!author.automatic],
        );
        const response: ReplyResponse = {
          id: message.id,
          conversationId: conversation.id,
          direction: MessageDirection.Outbound,
          kind,
          text,
          attachments,
          deliveryState: DeliveryState.Queued,
          inReplyToMessageId: target?.id ?? null,
          authorUserId: author.userId,
          sentAt: new Date(message.sent_at).toISOString(),
        };
        if (idempotencyKey) {
          const saved = await tx.query(
            `INSERT INTO reply_idempotency_key (organization_id, key, user_id, message_id, response) VALUES ($1, $2, $3, $4, $5::jsonb)
             ON CONFLICT (organization_id, key) DO NOTHING RETURNING id`,
            [author.organizationId, idempotencyKey, author.userId, message.id, JSON.stringify(response)],
          );
          // A concurrent request with the same key won: undo ours and answer with theirs.
          if (saved.length === 0) {
            throw new IdempotencyRace();
          }
        }
        // The job id is the message id: one send job per reply, written only if this transaction commits.
        await this.queue.send<ReplySendJob>(
          replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS),
          { messageId: message.id, channelAccountId: conversation.channel_account_id },
          { id: message.id },
          tx,
        );
        await this.audit.record(
          {
            organizationId: author.organizationId,
            actorUserId: author.userId,
            ...(author.automatic || (author.automation && author.userId === null) ? { actorLabel: 'system' } : {}),
            action: 'reply.queued',
            targetType: 'message',
            targetId: message.id,
            after: {
              conversationId: conversation.id,
              channel: conversation.channel,
              accountId: conversation.channel_account_id,
              ...textFingerprint(text),
              attachments: attachments.length,
              template: request.template?.name ?? null,
              ...(author.automatic
                ? { automatic: true, noticeKind: author.automatic.kind, noticeId: author.automatic.noticeId }
                : {}),
              ...(author.automation ? { automation: author.automation } : {}),
            },
          },
          tx,
        );
        await publishLiveEvent(tx, {
          type: LiveEventName.ConversationUpdated,
          organizationId: author.organizationId,
          conversationIds: [conversation.id],
          change: 'reply',
        });
        return response;
      };
      return await (outer ? store(outer) : this.dataSource.transaction(store));
    } catch (error) {
      if (error instanceof IdempotencyRace) {
        const replayed = await this.replayed(this.dataSource.manager, author, idempotencyKey!);
        if (replayed) {
          return replayed;
        }
      }
      throw error;
    }
  }

  private async replayed(manager: EntityManager, author: ReplyAuthor, key: string): Promise<ReplyResponse | null> {
    const [row] = await manager.query(
      `SELECT user_id, response FROM reply_idempotency_key WHERE organization_id = $1 AND key = $2`,
      [author.organizationId, key],
    );
    if (!row) {
      return null;
    }
    if (row.user_id !== author.userId) {
      throw new DomainError(ErrorCode.ReplyIdempotencyKeyReused);
    }
    return row.response as ReplyResponse;
  }
}

class IdempotencyRace extends Error {}

/** Throws ValidationFailed for an empty, oversized or contentless reply (also checked when a draft is held). */
export function checkContent(request: ReplyRequest): void {
  if (request.text !== undefined) {
    if (request.text.trim().length === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['text must not be empty'] });
    }
    if (Buffer.byteLength(request.text, 'utf8') > REPLY_TEXT_MAX_BYTES) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [`text must be at most ${REPLY_TEXT_MAX_BYTES} bytes`],
      });
    }
  }
  const buttonsProblem = replyButtonsProblem(request.buttons);
  if (buttonsProblem) {
    throw new DomainError(ErrorCode.ValidationFailed, { errors: [buttonsProblem] });
  }
  if (request.text === undefined && !request.media?.length && !request.template && !request.attachmentIds?.length) {
    throw new DomainError(ErrorCode.ValidationFailed, {
      errors: ['text, media, attachmentIds or template is required'],
    });
  }
}

/** Like ingest's preview: a reply of files only is "[<type>]", which the web shows as the attachment's name. */
function preview(text: string | null, firstAttachment: string | null): string | null {
  if (text) {
    return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  }
  return firstAttachment ? `[${firstAttachment}]` : null;
}
