import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, textFingerprint } from '@civic/audit';
import { SecretsService } from '@civic/auth';
import { ConversationStatus, foldForSearch, parseCaseNumber } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { LiveEventsPublisher } from '@civic/live-events';
import { presentAttachments } from './attachment-view';
import type { ConversationActivity } from './conversation-activity.recorder';
import { ConversationActivityRecorder } from './conversation-activity.recorder';
import { ConversationCursorCodec, InvalidCursorError } from './conversation-cursor.codec';
import { ConversationFilter } from './conversation-filter';
import { conversationFilterSql, SearchStrategy, searchProbeSql, searchStrategy } from './conversation-filter-sql';
import { conversationListSql, urgentConversationsSql } from './conversation-list-sql';
import {
  CONVERSATION_COLUMNS,
  CONVERSATION_JOINS,
  ConversationRow,
  ConversationView,
  toConversationView,
} from './conversation-row';
import { ConversationTagBuffer } from './conversation-tag.buffer';
import { normalizeTags } from './conversation-tags';
import { END_URGENCY_SQL } from './conversation-urgency';

export interface Actor {
  userId: string;
  organizationId: string;
}

export interface ConversationPage {
  items: ConversationView[];
  nextCursor: string | null;
}

export interface ConversationChanges {
  status?: ConversationStatus;
  /** null unassigns. */
  assigneeId?: string | null;
  tags?: string[];
}

export type BulkAction = 'assign' | 'tag' | 'close' | 'read';

/** Most conversations a filter-based bulk action touches at once. */
export const BULK_FILTER_LIMIT = 5000;

/** Reading and working the inbox: list, detail, messages, status, assignment, tags, notes, read marks. */
@Injectable()
export class ConversationsService {
  private readonly cursors: ConversationCursorCodec;

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsPublisher,
    secrets: SecretsService,
    private readonly audit: AuditService,
    private readonly activityRecorder: ConversationActivityRecorder,
  ) {
    this.cursors = new ConversationCursorCodec(secrets.jwtSecret);
  }

  async list(actor: Actor, filter: ConversationFilter, limit: number, cursor?: string): Promise<ConversationPage> {
    let after;
    if (cursor) {
      try {
        after = this.cursors.decode(cursor);
      } catch (error) {
        if (error instanceof InvalidCursorError) {
          throw new DomainError(ErrorCode.ValidationFailed, { errors: ['cursor is invalid'] });
        }
        throw error;
      }
    }
    let search: SearchStrategy = 'collect';
    // A case number is an indexed lookup of its case: few matches, so collecting needs no probe.
    if (foldForSearch(filter.q) && !parseCaseNumber(filter.q)) {
      const probe = searchProbeSql(actor.organizationId, filter.q!);
      const [{ n }] = await this.dataSource.query(probe.sql, probe.params);
      search = searchStrategy(n);
    }
    // Urgent conversations waiting for an answer lead the first page; the rest of the list, page after page, is without them.
    const pinUrgent = filter.urgent === undefined && !filter.q;
    const listed = pinUrgent ? { ...filter, urgent: false } : filter;
    const { sql, params } = conversationListSql(actor.organizationId, actor.userId, listed, limit, after, search);
    const rows: ConversationRow[] = await this.dataSource.query(sql, params);
    let pinned: ConversationRow[] = [];
    if (pinUrgent && !after) {
      const urgent = urgentConversationsSql(actor.organizationId, actor.userId, filter);
      pinned = await this.dataSource.query(urgent.sql, urgent.params);
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: [...pinned, ...page].map((r) => toConversationView(r)),
      nextCursor: rows.length > limit && last ? this.cursors.encode({ at: last.last_activity_key, id: last.id }) : null,
    };
  }

  async get(organizationId: string, id: string): Promise<ConversationView> {
    const [row]: ConversationRow[] = await this.dataSource.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversation c ${CONVERSATION_JOINS} WHERE c.organization_id = $1 AND c.id = $2`,
      [organizationId, id],
    );
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    return toConversationView(row);
  }

  /** Messages in channel order with internal notes interleaved by time, marked internal. */
  async messages(organizationId: string, id: string): Promise<unknown[]> {
    await this.requireConversation(this.dataSource.manager, organizationId, id);
    const messages: Record<string, any>[] = await this.dataSource.query(
      `SELECT m.id, m.direction, m.kind, m.text, m.attachments, m.external_id, m.parent_external_id, m.sent_at,
              m.delivery_state, m.delivery_error, m.delivery_updated_at, m.edited, m.edit_history, m.deleted, m.deleted_at,
              m.author_user_id, m.raw #> '{request,template}' AS template, ct.id AS contact_id, ct.name AS contact_name, ct.handle AS contact_handle
         FROM message m LEFT JOIN contact ct ON ct.id = m.contact_id
        WHERE m.organization_id = $1 AND m.conversation_id = $2
        ORDER BY m.sent_at, m.id`,
      [organizationId, id],
    );
    const notes: Record<string, any>[] = await this.dataSource.query(
      `SELECT n.id, n.text, n.created_at, n.author_user_id, u.display_name AS author_name
         FROM internal_note n LEFT JOIN app_user u ON u.id = n.author_user_id
        WHERE n.organization_id = $1 AND n.conversation_id = $2
        ORDER BY n.created_at, n.id`,
      [organizationId, id],
    );
    const items = [
      ...messages.map((m) => ({
        at: m.sent_at as Date,
        view: {
          type: 'message',
          internal: false,
          id: m.id,
          direction: m.direction,
          kind: m.kind,
          text: m.text,
          template: m.template ? { parameters: [], ...m.template } : null,
          attachments: presentAttachments(m.id, m.attachments),
          location: (m.attachments as { location?: unknown }[]).find((a) => a.location)?.location ?? null,
          externalId: m.external_id,
          parentExternalId: m.parent_external_id,
          sentAt: (m.sent_at as Date).toISOString(),
          author:
            m.contact_id && m.direction === 'in'
              ? { contactId: m.contact_id, name: m.contact_name, handle: m.contact_handle }
              : null,
          authorUserId: m.author_user_id,
          deliveryState: m.delivery_state,
          deliveryError: m.delivery_error,
          deliveryUpdatedAt: m.delivery_updated_at?.toISOString() ?? null,
          edited: m.edited,
          editHistory: m.edit_history,
          deleted: m.deleted,
          deletedAt: m.deleted_at?.toISOString() ?? null,
        },
      })),
      ...notes.map((n) => ({
        at: n.created_at as Date,
        view: {
          type: 'note',
          internal: true,
          id: n.id,
          text: n.text,
          sentAt: (n.created_at as Date).toISOString(),
          author: n.author_user_id ? { userId: n.author_user_id, displayName: n.author_name } : null,
        },
      })),
    ];
    // Stable merge: both lists are sorted; ties keep messages before notes.
    items.sort((x, y) => x.at.getTime() - y.at.getTime());
    return items.map((i) => i.view);
  }

  async update(actor: Actor, id: string, changes: ConversationChanges): Promise<ConversationView> {
    await this.dataSource.transaction((manager) => this.applyChanges(manager, actor, id, changes));
    return this.get(actor.organizationId, id);
  }

  /**
   * Status, assignee and tags in the caller's transaction, with history, audit and live event. The
   * automation runner calls it with `origin` (a rule has no user: userId null); `origin` is written
   * into each history entry, so the conversation's history names the rule or macro.
   */
  async applyChanges(
    manager: EntityManager,
    actor: { userId: string | null; organizationId: string },
    id: string,
    changes: ConversationChanges,
    origin?: Record<string, unknown>,
  ): Promise<ConversationActivity[]> {
    const current = await this.requireConversation(manager, actor.organizationId, id, true);
    if (changes.assigneeId) {
      await this.requireUser(manager, actor.organizationId, changes.assigneeId);
    }
    const sets: string[] = [];
    const params: unknown[] = [actor.organizationId, id];
    const activity: ConversationActivity[] = [];
    if (changes.status !== undefined && changes.status !== current.status) {
      params.push(changes.status);
      sets.push(`status = $${params.length}`);
      if (changes.status === ConversationStatus.Closed) {
        // A closed conversation waits for nobody: it leaves the urgent pins.
        sets.push(END_URGENCY_SQL);
      }
      activity.push({ type: 'status', data: { from: current.status, to: changes.status } });
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== current.assignee_id) {
      params.push(changes.assigneeId);
      sets.push(`assignee_id = $${params.length}::uuid`);
      activity.push({ type: 'assign', data: { from: current.assignee_id, to: changes.assigneeId } });
    }
    if (changes.tags !== undefined) {
      const tags = normalizeTags(changes.tags);
      params.push(tags);
      sets.push(`tags = $${params.length}::text[]`);
      activity.push({ type: 'tags', data: { from: current.tags, to: tags } });
      ConversationTagBuffer.forget(manager, id);
    }
    if (sets.length === 0) {
      return [];
    }
    if (origin) {
      activity.forEach((a) => (a.data.origin = origin));
    }
    await manager.query(`UPDATE conversation SET ${sets.join(', ')} WHERE organization_id = $1 AND id = $2`, params);
    await this.activityRecorder.record(manager, actor, [id], activity);
    await this.live.conversationsUpdated(manager, actor.organizationId, [id], activity.map((a) => a.type).join(','));
    return activity;
  }

  async addTag(actor: Actor, id: string, tag: string): Promise<ConversationView> {
    const current = await this.requireConversation(this.dataSource.manager, actor.organizationId, id);
    return this.update(actor, id, { tags: [...current.tags, tag] });
  }

  async removeTag(actor: Actor, id: string, tag: string): Promise<ConversationView> {
    const current = await this.requireConversation(this.dataSource.manager, actor.organizationId, id);
    const folded = normalizeTags([tag])[0];
    return this.update(actor, id, { tags: current.tags.filter((t) => t !== folded) });
  }

  async addNote(actor: Actor, id: string, text: string): Promise<unknown> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireConversation(manager, actor.organizationId, id);
      const [note] = await manager.query(
        `INSERT INTO internal_note (organization_id, conversation_id, author_user_id, text) VALUES ($1, $2, $3, $4)
         RETURNING id, text, created_at`,
        [actor.organizationId, id, actor.userId, text],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          action: 'conversation.note_added',
          targetType: 'conversation',
          targetId: id,
          after: { noteId: note.id, ...textFingerprint(text) },
        },
        manager,
      );
      await this.live.conversationsUpdated(manager, actor.organizationId, [id], 'note');
      return {
        type: 'note',
        internal: true,
        id: note.id,
        text: note.text,
        sentAt: note.created_at.toISOString(),
        author: { userId: actor.userId },
      };
    });
  }

  async markRead(actor: Actor, id: string): Promise<ConversationView> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireConversation(manager, actor.organizationId, id);
      await manager.query(
        `UPDATE conversation SET unread_count = 0 WHERE organization_id = $1 AND id = $2 AND unread_count <> 0`,
        [actor.organizationId, id],
      );
      await this.live.conversationsUpdated(manager, actor.organizationId, [id], 'read');
    });
    return this.get(actor.organizationId, id);
  }

  /**
   * Assign, tag, close or mark read many conversations: explicit ids, or everything a filter matches
   * (capped). Ids that were not changed (unknown, or on an account the caller may not see) come back
   * as skippedIds, so the officer is told which ones failed.
   */
  async bulk(
    actor: Actor,
    target: { ids?: string[]; filter?: ConversationFilter; accountIds?: string[] | null },
    action: BulkAction,
    value?: string | null,
  ): Promise<{ updated: number; conversationIds: string[]; skippedIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [];
      let where: string;
      if (target.ids) {
        params.push(actor.organizationId, target.ids);
        where = 'c.organization_id = $1 AND c.id = ANY($2::uuid[])';
        if (target.accountIds) {
          params.push(target.accountIds);
          where += ' AND c.channel_account_id = ANY($3::uuid[])';
        }
      } else {
        where = conversationFilterSql(
          actor.organizationId,
          actor.userId,
          { ...target.filter, accountIds: target.accountIds },
          params,
        );
      }
      let set: string;
      // Reading leaves no activity entry, as a single read mark does not.
      let activity: ConversationActivity | null;
      if (action === 'read') {
        set = 'unread_count = 0';
        activity = null;
      } else if (action === 'assign') {
        const assigneeId =
          value === undefined || value === null || value === 'nobody' ? null : value === 'me' ? actor.userId : value;
        if (assigneeId) {
          await this.requireUser(manager, actor.organizationId, assigneeId);
        }
        params.push(assigneeId);
        set = `assignee_id = $${params.length}::uuid`;
        activity = { type: 'assign', data: { to: assigneeId } };
      } else if (action === 'tag') {
        const [tag] = normalizeTags([value ?? '']);
        if (!tag) {
          throw new DomainError(ErrorCode.ValidationFailed, { errors: ['value must be a tag for action tag'] });
        }
        params.push(tag);
        set = `tags = CASE WHEN $${params.length} = ANY(tags) THEN tags ELSE array_append(tags, $${params.length}::text) END`;
        activity = { type: 'tags', data: { added: tag } };
      } else {
        set = `status = 'closed', ${END_URGENCY_SQL}`;
        activity = { type: 'status', data: { to: ConversationStatus.Closed } };
      }
      params.push(BULK_FILTER_LIMIT);
      const rows: { id: string }[] = first(
        await manager.query(
          `UPDATE conversation SET ${set}
            WHERE id IN (SELECT c.id FROM conversation c WHERE ${where} ORDER BY c.last_activity_at DESC, c.id DESC LIMIT $${params.length})
            RETURNING id`,
          params,
        ),
      );
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        await this.activityRecorder.record(manager, actor, ids, activity ? [activity] : []);
        await this.live.conversationsUpdated(manager, actor.organizationId, ids, `bulk:${action}`);
      }
      const changed = new Set(ids);
      const skippedIds = [...new Set(target.ids ?? [])].filter((id) => !changed.has(id));
      return { updated: ids.length, conversationIds: ids, skippedIds };
    });
  }

  private async requireConversation(
    manager: EntityManager,
    organizationId: string,
    id: string,
    lock = false,
  ): Promise<{ status: string; assignee_id: string | null; tags: string[] }> {
    const [row] = await manager.query(
      `SELECT status, assignee_id, tags FROM conversation WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [organizationId, id],
    );
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    return row;
  }

  private async requireUser(manager: EntityManager, organizationId: string, userId: string): Promise<void> {
    const [user] = await manager.query(`SELECT id FROM app_user WHERE organization_id = $1 AND id = $2 AND active`, [
      organizationId,
      userId,
    ]);
    if (!user) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['assigneeId must be an active user of your organization'],
      });
    }
  }
}

/** Tags are trimmed, deduplicated and kept as typed (Turkish letters intact). */
/** UPDATE … RETURNING through TypeORM yields [rows, count]. */
function first<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
