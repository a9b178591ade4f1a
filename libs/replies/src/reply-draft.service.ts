import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, textFingerprint } from '@civic/audit';
import type { AccountScope } from '@civic/auth';
import { ChannelRegistry } from '@civic/channels-core';
import { AppConfig } from '@civic/config';
import { Channel, ReplyDraftState } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { LiveEventName, publishLiveEvent } from '@civic/live-events';
import { QueueService } from '@civic/queue';
import { OutboundReplyBuilder } from './outbound-reply.builder';
import { checkReplyCollision, withoutCollisionFields } from './reply-collision.checker';
import { ReplyDraftView, REPLY_DRAFT_SELECT, replyDraftView } from './reply-draft.view';
import { ReplyRequest, ReplyResponse } from './reply-request';
import { replySendQueue } from './reply-send.queue';
import { ReplyUploadService } from './reply-upload.service';
import { checkContent, ReplyAuthor, ReplyService } from './reply.service';

/** An officer's reply: sent at once, or held for approval. */
export type SubmittedReply = { held: false; reply: ReplyResponse } | { held: true; draft: ReplyDraftView };

/**
 * A signed-in officer; an approver's (admin, mayor's office) replies are never held. `approver`
 * undefined: read from the user's roles (a macro run by the officer).
 */
export interface DraftActor {
  userId: string;
  organizationId: string;
  approver?: boolean;
}

const APPROVER_ROLES = ['admin', 'mayor_office'];

const LIST_LIMIT = 200;

/**
 * Reply approval (issue 26). On an account with `replies_need_approval` an officer's reply is held
 * as a draft; an approver approves it (optionally edited) or returns it with a comment, and the author
 * can edit and resubmit a returned one. Approval writes the outbound message and its send job through
 * ReplyService in the transaction that moves the draft from pending to sent under a row lock, so a
 * draft is sent exactly once however many approvals race. Automatic messages (citizen notices, rules)
 * call ReplyService directly and are never held.
 */
@Injectable()
export class ReplyDraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replies: ReplyService,
    private readonly builder: OutboundReplyBuilder,
    private readonly registry: ChannelRegistry,
    private readonly uploads: ReplyUploadService,
    private readonly queue: QueueService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * An officer's reply: held on an account that needs approval, else sent as ReplyService sends it.
   * With `outer` (a macro's transaction) everything happens in the caller's transaction; `author`
   * then carries the macro's mark for the reply sent at once.
   */
  async submit(
    actor: DraftActor,
    conversationId: string,
    request: ReplyRequest,
    idempotencyKey?: string,
    outer?: { manager: EntityManager; author: ReplyAuthor },
  ): Promise<SubmittedReply> {
    const author = outer?.author ?? { userId: actor.userId, organizationId: actor.organizationId };
    const manager = outer?.manager ?? this.dataSource.manager;
    if (
      (await this.isApprover(manager, actor)) ||
      !(await this.needsApproval(manager, actor.organizationId, conversationId))
    ) {
      const reply = await this.replies.reply(author, conversationId, request, idempotencyKey, outer?.manager);
      return { held: false, reply };
    }
    if (idempotencyKey) {
      const replayed = await this.byIdempotencyKey(actor, idempotencyKey);
      if (replayed) {
        return { held: true, draft: replayed };
      }
    }
    checkContent(request);
    const conversation = await this.builder.conversation(manager, actor.organizationId, conversationId);
    const target = await this.builder.target(manager, conversation, request.inReplyToMessageId);
    const attachments = [
      ...this.builder.attachments(request.media),
      ...(await this.uploads.attachments(actor.organizationId, conversation.id, request.attachmentIds ?? [], manager)),
    ];
    // The guard's fields are not kept: approving the draft later sends it unchecked.
    const { text, ...rest } = withoutCollisionFields(request);
    // The channel's rules are checked now, so the officer hears of a refusal before anyone reviews it.
    const outbound = this.builder.build(conversation, target, { text: text ?? null, attachments, ...rest }, new Date());
    this.registry.get(conversation.channel as Channel).validateReply(outbound);
    const hold = async (tx: EntityManager): Promise<string | null> => {
      await checkReplyCollision(tx, actor, conversation.id, request);
      const [row] = await tx.query(
        `INSERT INTO reply_draft (organization_id, conversation_id, channel_account_id, author_user_id, text, attachments, request, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)
         ON CONFLICT (organization_id, idempotency_key) DO NOTHING RETURNING id`,
        [
          actor.organizationId,
          conversation.id,
          conversation.channel_account_id,
          actor.userId,
          text ?? null,
          JSON.stringify(attachments),
          JSON.stringify(rest),
          idempotencyKey ?? null,
        ],
      );
      if (!row) {
        return null; // a concurrent request with the same key won
      }
      await this.record(tx, actor, conversation.id, row.id, 'submitted', {
        ...textFingerprint(text ?? null),
        ...(outer?.author.automation ? { automation: outer.author.automation } : {}),
      });
      return row.id as string;
    };
    const id = await (outer ? hold(outer.manager) : this.dataSource.transaction(hold));
    const draft = id ? await this.view(manager, actor.organizationId, id) : null;
    return { held: true, draft: draft ?? (await this.byIdempotencyKey(actor, idempotencyKey!))! };
  }

  /** Drafts the scope can see: the approver's queue (state pending) or one conversation's drafts. */
  async list(scope: AccountScope, filter: { state?: ReplyDraftState; conversationId?: string }) {
    const params: unknown[] = [scope.organizationId];
    const where = [`d.organization_id = $1`, scope.accountCondition('d.channel_account_id', params)];
    if (filter.state) {
      params.push(filter.state);
      where.push(`d.state = $${params.length}`);
    }
    if (filter.conversationId) {
      params.push(filter.conversationId);
      where.push(`d.conversation_id = $${params.length}`);
    }
    const rows = await this.dataSource.query(
      `${REPLY_DRAFT_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.created_at, d.id LIMIT ${LIST_LIMIT}`,
      params,
    );
    return rows.map(replyDraftView);
  }

  async get(scope: AccountScope, id: string): Promise<ReplyDraftView> {
    const draft = await this.view(this.dataSource.manager, scope.organizationId, id);
    if (!draft || !scope.includes(draft.channelAccountId)) {
      throw new DomainError(ErrorCode.ReplyDraftNotFound, { id });
    }
    return draft;
  }

  /** Queues the draft (with the approver's edited text, if given) through the normal outbox. */
  async approve(approver: DraftActor, id: string, editedText?: string): Promise<ReplyDraftView> {
    await this.queue.ensureQueue(replySendQueue(this.config.env.REPLY_RETRY_DELAY_SECONDS)); // outside the transaction (PGlite)
    return this.dataSource.transaction(async (tx) => {
      const draft = await this.locked(tx, approver.organizationId, id);
      if (draft.state !== 'pending') {
        throw new DomainError(ErrorCode.ReplyDraftNotPending, { id });
      }
      const text = this.editedText(draft, editedText);
      const request = { ...(draft.request as ReplyRequest), ...(text !== null ? { text } : {}) };
      const reply = await this.replies.reply(
        { userId: draft.author_user_id, organizationId: approver.organizationId },
        draft.conversation_id,
        request,
        undefined,
        tx,
      );
      await tx.query(
        `UPDATE reply_draft SET state = 'sent', text = $3, reviewer_user_id = $4, reviewed_at = now(), message_id = $5, updated_at = now()
          WHERE id = $1 AND organization_id = $2`,
        [id, approver.organizationId, text, approver.userId, reply.id],
      );
      const edited = text !== draft.text;
      await this.record(tx, approver, draft.conversation_id, id, 'approved', {
        messageId: reply.id,
        edited,
        ...(edited ? { before: textFingerprint(draft.text), after: textFingerprint(text) } : {}),
      });
      return (await this.view(tx, approver.organizationId, id))!;
    });
  }

  async returnToAuthor(approver: DraftActor, id: string, comment: string): Promise<ReplyDraftView> {
    return this.dataSource.transaction(async (tx) => {
      const draft = await this.locked(tx, approver.organizationId, id);
      if (draft.state !== 'pending') {
        throw new DomainError(ErrorCode.ReplyDraftNotPending, { id });
      }
      await tx.query(
        `UPDATE reply_draft SET state = 'returned', reviewer_user_id = $3, review_comment = $4, reviewed_at = now(), updated_at = now()
          WHERE id = $1 AND organization_id = $2`,
        [id, approver.organizationId, approver.userId, comment],
      );
      await this.record(tx, approver, draft.conversation_id, id, 'returned', { comment });
      return (await this.view(tx, approver.organizationId, id))!;
    });
  }

  /** The author edits a returned draft and sends it for approval again. */
  async resubmit(author: DraftActor, id: string, editedText?: string): Promise<ReplyDraftView> {
    return this.dataSource.transaction(async (tx) => {
      const draft = await this.locked(tx, author.organizationId, id);
      if (draft.author_user_id !== author.userId) {
        throw new DomainError(ErrorCode.ReplyDraftNotAuthor, { id });
      }
      if (draft.state !== 'returned') {
        throw new DomainError(ErrorCode.ReplyDraftNotReturned, { id });
      }
      const text = this.editedText(draft, editedText);
      checkContent({ ...(draft.request as ReplyRequest), ...(text !== null ? { text } : {}) });
      await tx.query(
        `UPDATE reply_draft SET state = 'pending', text = $3, updated_at = now() WHERE id = $1 AND organization_id = $2`,
        [id, author.organizationId, text],
      );
      await this.record(tx, author, draft.conversation_id, id, 'resubmitted', {
        edited: text !== draft.text,
        ...textFingerprint(text),
      });
      return (await this.view(tx, author.organizationId, id))!;
    });
  }

  private async isApprover(manager: EntityManager, actor: DraftActor): Promise<boolean> {
    if (actor.approver !== undefined) {
      return actor.approver;
    }
    const [row] = await manager.query(`SELECT roles FROM app_user WHERE id = $1 AND organization_id = $2`, [
      actor.userId,
      actor.organizationId,
    ]);
    return (row?.roles ?? []).some((role: string) => APPROVER_ROLES.includes(role));
  }

  private async needsApproval(manager: EntityManager, organizationId: string, conversationId: string) {
    const [row] = await manager.query(
      `SELECT ca.replies_need_approval FROM conversation c JOIN channel_account ca ON ca.id = c.channel_account_id
        WHERE c.id = $1 AND c.organization_id = $2`,
      [conversationId, organizationId],
    );
    return row?.replies_need_approval === true;
  }

  private editedText(draft: { text: string | null; request: Record<string, unknown> }, edited?: string) {
    if (edited === undefined) {
      return draft.text;
    }
    if (draft.request.template) {
      throw new DomainError(ErrorCode.ReplyDraftTextNotEditable);
    }
    return edited;
  }

  private async locked(tx: EntityManager, organizationId: string, id: string) {
    const [row] = await tx.query(`SELECT * FROM reply_draft WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [
      id,
      organizationId,
    ]);
    if (!row) {
      throw new DomainError(ErrorCode.ReplyDraftNotFound, { id });
    }
    return row as {
      conversation_id: string;
      author_user_id: string;
      text: string | null;
      request: Record<string, unknown>;
      state: ReplyDraftState;
    };
  }

  private async view(manager: EntityManager, organizationId: string, id: string): Promise<ReplyDraftView | null> {
    const [row] = await manager.query(`${REPLY_DRAFT_SELECT} WHERE d.id = $1 AND d.organization_id = $2`, [
      id,
      organizationId,
    ]);
    return row ? replyDraftView(row) : null;
  }

  private async byIdempotencyKey(actor: DraftActor, key: string): Promise<ReplyDraftView | null> {
    const [row] = await this.dataSource.query(
      `${REPLY_DRAFT_SELECT} WHERE d.organization_id = $1 AND d.idempotency_key = $2`,
      [actor.organizationId, key],
    );
    if (row && row.author_user_id !== actor.userId) {
      throw new DomainError(ErrorCode.ReplyIdempotencyKeyReused);
    }
    return row ? replyDraftView(row) : null;
  }

  /** Each step in the conversation's history, the audit trail and the live stream, in the step's transaction. */
  private async record(
    tx: EntityManager,
    actor: DraftActor,
    conversationId: string,
    draftId: string,
    step: 'submitted' | 'approved' | 'returned' | 'resubmitted',
    data: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO conversation_activity (organization_id, conversation_id, actor_user_id, type, data) VALUES ($1, $2, $3, 'reply_draft', $4::jsonb)`,
      [actor.organizationId, conversationId, actor.userId, JSON.stringify({ step, draftId })],
    );
    await this.audit.record(
      {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: `reply_draft.${step}`,
        targetType: 'reply_draft',
        targetId: draftId,
        after: { conversationId, ...data },
      },
      tx,
    );
    await publishLiveEvent(tx, {
      type: LiveEventName.ConversationUpdated,
      organizationId: actor.organizationId,
      conversationIds: [conversationId],
      change: 'reply_draft',
    });
  }
}
