import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { AttachmentType, CasePhoto, CasePriority, CaseStatus, DepartmentKind, MessageAttachment } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseCategoriesService } from './case-categories.service';
import { CaseHistoryRecorder } from './case-history.recorder';
import { assertTransition } from './case-transitions';
import { CASE_SELECT, CaseView, toCaseView } from './case-view';
import { CaseRow, CaseStore } from './case.store';
import { DepartmentsService } from './departments.service';

export interface CaseLocationInput {
  latitude: number;
  longitude: number;
  label?: string | null;
}

export interface CreateCaseInput {
  conversationId: string;
  messageId?: string;
  category: string;
  description?: string;
  priority?: CasePriority;
  departmentId?: string;
  location?: CaseLocationInput;
}

export interface UpdateCaseInput {
  description?: string | null;
  priority?: CasePriority;
  category?: string;
  location?: CaseLocationInput | null;
}

export interface CaseFilter {
  status?: CaseStatus[];
  departmentId?: string;
  categoryId?: string;
  conversationId?: string;
  overdue?: boolean;
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

const PHOTO_TYPES: string[] = [AttachmentType.Image, AttachmentType.Video];
const MAX_PHOTOS = 20;

/** Opening and working cases: create, list, read, edit, assign, start, reject, reopen. */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly categories: CaseCategoriesService,
    private readonly departments: DepartmentsService,
    private readonly history: CaseHistoryRecorder,
  ) {}

  /**
   * Opens a case from a conversation (or one of its messages). The contact is the conversation's
   * citizen (or the message author in a public thread), photos are references to the message's
   * images (or, without a message, to the conversation's), the location is the given point or the
   * latest location pin the citizen sent, and the due date follows the category's SLA.
   */
  async create(actor: CaseActor, input: CreateCaseInput): Promise<CaseView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const scoped: unknown[] = [actor.scope.organizationId, input.conversationId];
      const [conversation] = await manager.query(
        `SELECT id, channel, channel_account_id, contact_id FROM conversation
          WHERE organization_id = $1 AND id = $2 AND ${actor.scope.accountCondition('channel_account_id', scoped)}`,
        scoped,
      );
      if (!conversation) {
        throw new DomainError(ErrorCode.ConversationNotFound);
      }
      let message: {
        id: string;
        contact_id: string | null;
        text: string | null;
        attachments: MessageAttachment[];
      } | null = null;
      if (input.messageId) {
        [message] = await manager.query(
          `SELECT id, contact_id, text, attachments FROM message WHERE organization_id = $1 AND conversation_id = $2 AND id = $3`,
          [actor.organizationId, conversation.id, input.messageId],
        );
        if (!message) {
          throw new DomainError(ErrorCode.ValidationFailed, {
            errors: ['messageId must be a message of the conversation'],
          });
        }
      }
      const category = await this.categories.resolve(manager, actor.organizationId, input.category);
      let departmentId: string | null = null;
      if (input.departmentId) {
        departmentId = (
          await this.departments.requireActive(
            manager,
            actor.organizationId,
            input.departmentId,
            DepartmentKind.Department,
            'departmentId',
          )
        ).id;
      } else if (category.department_id) {
        const [owner] = await manager.query(`SELECT id FROM department WHERE id = $1 AND active AND kind = $2`, [
          category.department_id,
          DepartmentKind.Department,
        ]);
        departmentId = owner?.id ?? null;
      }
      const location = input.location ?? (await this.pinnedLocation(manager, conversation.id, message?.id ?? null));
      const photos = await this.photos(manager, conversation.id, message);
      const description = input.description ?? (message ? (message.text ?? captionOf(message.attachments)) : null);

      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('case-number:' || $1))`, [actor.organizationId]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM civic_case WHERE organization_id = $1`,
        [actor.organizationId],
      );
      const status = departmentId ? CaseStatus.Assigned : CaseStatus.New;
      const [row] = await manager.query(
        `INSERT INTO civic_case (organization_id, number, conversation_id, message_id, contact_id, channel, channel_account_id, category_id,
                                 department_id, description, priority, status, latitude, longitude, location_label, photos, due_at, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, now() + make_interval(hours => $17), $18)
         RETURNING id`,
        [
          actor.organizationId,
          next,
          conversation.id,
          message?.id ?? null,
          message?.contact_id ?? conversation.contact_id,
          conversation.channel,
          conversation.channel_account_id,
          category.id,
          departmentId,
          description,
          input.priority ?? CasePriority.Normal,
          status,
          location?.latitude ?? null,
          location?.longitude ?? null,
          location?.label ?? null,
          JSON.stringify(photos),
          category.sla_hours,
          actor.userId,
        ],
      );
      const view = await this.store.view(actor.scope, row.id, manager);
      await this.history.record(manager, actor, row.id, {
        action: 'created',
        after: {
          number: view.number,
          status,
          category: category.code,
          departmentId,
          priority: view.priority,
          location: view.location,
          photos: photos.length,
          dueAt: view.dueAt,
          conversationId: conversation.id,
          messageId: message?.id ?? null,
        },
      });
      return row.id as string;
    });
    return this.store.view(actor.scope, id);
  }

  async list(scope: AccountScope, filter: CaseFilter): Promise<{ items: CaseView[]; total: number }> {
    const params: unknown[] = [scope.organizationId];
    const where = ['k.organization_id = $1', scope.accountCondition('k.channel_account_id', params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (filter.status?.length) {
      add('k.status = ANY(?::text[])', filter.status);
    }
    if (filter.departmentId) {
      add('k.department_id = ?', filter.departmentId);
    }
    if (filter.categoryId) {
      add('k.category_id = ?', filter.categoryId);
    }
    if (filter.conversationId) {
      add('k.conversation_id = ?', filter.conversationId);
    }
    if (filter.from) {
      add('k.created_at >= ?', filter.from);
    }
    if (filter.to) {
      add('k.created_at < ?', filter.to);
    }
    if (filter.overdue) {
      where.push(`k.due_at < now() AND k.status IN ('new', 'assigned', 'in_progress', 'forwarded')`);
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM civic_case k WHERE ${where.join(' AND ')}`,
      params,
    );
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    const rows = await this.dataSource.query(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY k.created_at DESC, k.id DESC LIMIT ${limit} OFFSET ${Math.max(filter.offset ?? 0, 0)}`,
      params,
    );
    const now = new Date();
    return { items: rows.map((r: Record<string, any>) => toCaseView(r, now)), total };
  }

  async get(
    scope: AccountScope,
    id: string,
  ): Promise<CaseView & { history: unknown[]; forwards: unknown[]; mergedCases: unknown[] }> {
    const view = await this.store.view(scope, id);
    const organizationId = scope.organizationId;
    const history = await this.dataSource.query(
      `SELECT id, actor_user_id AS "actorUserId", actor_label AS "actorLabel", action, before, after, note, occurred_at AS "occurredAt"
         FROM case_history WHERE organization_id = $1 AND case_id = $2 ORDER BY occurred_at, id`,
      [organizationId, id],
    );
    const forwards = await this.dataSource.query(
      `SELECT f.id, f.external_body_id AS "externalBodyId", d.name AS "externalBodyName", f.transport, f.target, f.status, f.attempts,
              f.response_status AS "responseStatus", f.last_error AS "lastError", f.sent_at AS "sentAt", f.created_at AS "createdAt"
         FROM case_forward f JOIN department d ON d.id = f.external_body_id
        WHERE f.organization_id = $1 AND f.case_id = $2 ORDER BY f.created_at, f.id`,
      [organizationId, id],
    );
    // Duplicates merged into this case: their conversations (and citizens) belong to it now.
    const mergedCases = await this.dataSource.query(
      `SELECT id, number, conversation_id AS "conversationId", message_id AS "messageId", channel, merged_at AS "mergedAt"
         FROM civic_case WHERE organization_id = $1 AND merged_into_case_id = $2 ORDER BY merged_at, number`,
      [organizationId, id],
    );
    return { ...view, history, forwards, mergedCases };
  }

  async update(actor: CaseActor, id: string, input: UpdateCaseInput): Promise<CaseView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, actor.scope, id);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const sets: string[] = [];
      const params: unknown[] = [actor.organizationId, id];
      const set = (column: string, field: string, from: unknown, to: unknown) => {
        params.push(to);
        sets.push(`${column} = $${params.length}`);
        before[field] = from;
        after[field] = to;
      };
      if (input.description !== undefined && input.description !== current.description) {
        set('description', 'description', current.description, input.description);
      }
      if (input.priority !== undefined && input.priority !== current.priority) {
        set('priority', 'priority', current.priority, input.priority);
      }
      if (input.category !== undefined) {
        const category = await this.categories.resolve(manager, actor.organizationId, input.category);
        if (category.id !== current.category_id) {
          set('category_id', 'categoryId', current.category_id, category.id);
          // The deadline follows the new category's SLA, counted from when the case was opened.
          sets.push(`due_at = created_at + make_interval(hours => ${Number(category.sla_hours)})`);
        }
      }
      if (input.location !== undefined) {
        const from =
          current.latitude !== null
            ? { latitude: current.latitude, longitude: current.longitude, label: current.location_label }
            : null;
        params.push(input.location?.latitude ?? null, input.location?.longitude ?? null, input.location?.label ?? null);
        sets.push(
          `latitude = $${params.length - 2}`,
          `longitude = $${params.length - 1}`,
          `location_label = $${params.length}`,
        );
        before.location = from;
        after.location = input.location;
      }
      if (sets.length === 0) {
        return;
      }
      await manager.query(
        `UPDATE civic_case SET ${sets.join(', ')}, updated_at = now() WHERE organization_id = $1 AND id = $2`,
        params,
      );
      await this.history.record(manager, actor, id, { action: 'updated', before, after });
    });
    return this.store.view(actor.scope, id);
  }

  /** Hands the case to a department (status assigned). */
  async assign(actor: CaseActor, id: string, departmentId: string, note?: string): Promise<CaseView> {
    return this.transition(actor, id, CaseStatus.Assigned, note, async (manager, current) => {
      await this.departments.requireActive(
        manager,
        actor.organizationId,
        departmentId,
        DepartmentKind.Department,
        'departmentId',
      );
      return {
        sets: { department_id: departmentId },
        before: { departmentId: current.department_id },
        after: { departmentId },
      };
    });
  }

  async start(actor: CaseActor, id: string, note?: string): Promise<CaseView> {
    return this.transition(actor, id, CaseStatus.InProgress, note, async () => ({ sets: {}, before: {}, after: {} }));
  }

  /** Rejects with a reason; naming the responsible external body records who should handle it instead. */
  async reject(actor: CaseActor, id: string, reason: string, responsibleBodyId?: string): Promise<CaseView> {
    return this.transition(actor, id, CaseStatus.Rejected, null, async (manager, current) => {
      const sets: Record<string, unknown> = { rejection_reason: reason, rejected_at: new Date() };
      const after: Record<string, unknown> = { reason };
      if (responsibleBodyId) {
        const body = await this.departments.requireActive(
          manager,
          actor.organizationId,
          responsibleBodyId,
          DepartmentKind.ExternalBody,
          'responsibleBodyId',
        );
        sets.external_body_id = body.id;
        after.responsibleBody = { id: body.id, name: body.name };
      }
      return { sets, before: { rejectionReason: current.rejection_reason }, after };
    });
  }

  /** Takes a resolved or rejected case back to in_progress; its first resolution stays for the statistics. */
  async reopen(actor: CaseActor, id: string, note?: string): Promise<CaseView> {
    return this.transition(actor, id, CaseStatus.InProgress, note, async (_manager, current) => {
      if (current.status !== CaseStatus.Resolved && current.status !== CaseStatus.Rejected) {
        throw new DomainError(ErrorCode.ValidationFailed, {
          errors: ['only a resolved or rejected case can be reopened'],
        });
      }
      return { sets: {}, before: {}, after: { reopened: true } };
    });
  }

  /**
   * One status change: lock, check the transition, apply `sets`, write history and audit, all in
   * one transaction. `change` may throw to refuse.
   */
  async transition(
    actor: CaseActor,
    id: string,
    to: CaseStatus,
    note: string | null | undefined,
    change: (
      manager: EntityManager,
      current: CaseRow,
    ) => Promise<{
      sets: Record<string, unknown>;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      action?: string;
    }>,
    manager?: EntityManager,
  ): Promise<CaseView> {
    const work = async (tx: EntityManager) => {
      const current = await this.store.lock(tx, actor.scope, id);
      const outcome = await change(tx, current);
      assertTransition(current.status, to);
      const params: unknown[] = [actor.organizationId, id, to];
      const sets = ['status = $3', 'updated_at = now()'];
      for (const [column, value] of Object.entries(outcome.sets)) {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      }
      await tx.query(`UPDATE civic_case SET ${sets.join(', ')} WHERE organization_id = $1 AND id = $2`, params);
      await this.history.record(tx, actor, id, {
        action: outcome.action ?? (current.status === to ? to : 'status'),
        before: { status: current.status, ...outcome.before },
        after: { status: to, ...outcome.after },
        note: note ?? null,
      });
    };
    if (manager) {
      await work(manager);
    } else {
      await this.dataSource.transaction(work);
    }
    return this.store.view(actor.scope, id, manager);
  }

  private async pinnedLocation(
    manager: EntityManager,
    conversationId: string,
    messageId: string | null,
  ): Promise<CaseLocationInput | null> {
    const [row] = await manager.query(
      `SELECT (a->'location'->>'latitude')::float8 AS latitude, (a->'location'->>'longitude')::float8 AS longitude,
              coalesce(a->'location'->>'address', a->'location'->>'name') AS label
         FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) a
        WHERE m.conversation_id = $1 AND m.direction = 'in' AND NOT m.deleted AND a->>'type' = 'location'
          AND a->'location'->>'latitude' IS NOT NULL AND a->'location'->>'longitude' IS NOT NULL
        ORDER BY (m.id = $2::uuid) DESC NULLS LAST, m.sent_at DESC, m.id DESC LIMIT 1`,
      [conversationId, messageId],
    );
    return row ? { latitude: row.latitude, longitude: row.longitude, label: row.label } : null;
  }

  private async photos(
    manager: EntityManager,
    conversationId: string,
    message: { id: string; attachments: MessageAttachment[] } | null,
  ): Promise<CasePhoto[]> {
    const sources: { id: string; attachments: MessageAttachment[] }[] = message
      ? [message]
      : await manager.query(
          `SELECT id, attachments FROM message WHERE conversation_id = $1 AND direction = 'in' AND NOT deleted AND jsonb_array_length(attachments) > 0
            ORDER BY sent_at, id`,
          [conversationId],
        );
    return sources
      .flatMap((m) =>
        (m.attachments ?? [])
          .map((a, index) => ({ a, index }))
          .filter(({ a }) => PHOTO_TYPES.includes(a.type))
          .map(({ a, index }) => toPhoto(m.id, index, a)),
      )
      .slice(0, MAX_PHOTOS);
  }
}

function toPhoto(messageId: string, index: number, a: MessageAttachment): CasePhoto {
  return {
    messageId,
    attachmentIndex: index,
    // The stored copy, for signed-in users (GET /api/v1/messages/:id/attachments/:index).
    path: `/api/v1/messages/${messageId}/attachments/${index}`,
    type: a.type,
    channelMediaId: a.channelMediaId ?? null,
    channelUrl: a.channelUrl ?? null,
    mediaAssetId: a.mediaAssetId ?? null,
    mimeType: a.mimeType ?? null,
    caption: a.caption ?? null,
  };
}

function captionOf(attachments: MessageAttachment[]): string | null {
  return attachments?.find((a) => a.caption)?.caption ?? null;
}
