import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentType, CasePhoto, CasePriority, CaseStatus, DepartmentKind, MessageAttachment } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseCategoriesService } from './case-categories.service';
import { CaseDueDatesService } from './case-due-dates.service';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CaseNoticeTrigger } from './case-notice.trigger';
import { CaseView } from './case-view';
import { CaseStore } from './case.store';
import { DepartmentsService } from './departments.service';
import { LearnedCategoryReader } from './learned-category.reader';
import type { LearnedCategory } from './learned-category.reader';

export interface CaseLocationInput {
  latitude: number;
  longitude: number;
  label?: string | null;
}

export interface CreateCaseInput {
  conversationId: string;
  messageId?: string;
  /**
   * Code, id or name. Without it the learned model's suggestion for the case's message (else the
   * citizen's latest) is applied when its confidence reaches the administrator's threshold.
   */
  category?: string;
  description?: string;
  priority?: CasePriority;
  departmentId?: string;
  location?: CaseLocationInput;
}

const PHOTO_TYPES: string[] = [AttachmentType.Image, AttachmentType.Video];
const MAX_PHOTOS = 20;

/** Opening a case from a conversation or one of its messages: citizen, photos, location, SLA. */
@Injectable()
export class CaseOpeningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly categories: CaseCategoriesService,
    private readonly departments: DepartmentsService,
    private readonly history: CaseHistoryRecorder,
    private readonly dueDates: CaseDueDatesService,
    private readonly notices: CaseNoticeTrigger,
    private readonly learnedCategories: LearnedCategoryReader,
  ) {}

  /**
   * Opens a case from a conversation (or one of its messages). The contact is the conversation's
   * citizen (or the message author in a public thread), photos are references to the message's
   * images (or, without a message, to the conversation's), the location is the given point or the
   * latest location pin the citizen sent, and the due date follows the category's SLA.
   */
  async create(actor: CaseActor, input: CreateCaseInput, outer?: EntityManager): Promise<CaseView> {
    // With `outer` (the automation runner) the case is opened in the caller's transaction.
    const work = async (manager: EntityManager): Promise<string> => {
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
      const learned = input.category
        ? null
        : await this.confidentSuggestion(manager, actor.organizationId, conversation.id, message?.id ?? null);
      const category = await this.categories.resolve(
        manager,
        actor.organizationId,
        input.category ?? learned!.category.id,
      );
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
      const deadlines = await this.dueDates.forNewCase(manager, actor.organizationId, category);
      const [row] = await manager.query(
        `INSERT INTO civic_case (organization_id, number, conversation_id, message_id, contact_id, channel, channel_account_id, category_id,
                                 department_id, description, priority, status, latitude, longitude, location_label, photos,
                                 created_at, due_at, at_risk_at, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20)
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
          deadlines.openedAt,
          deadlines.dueAt,
          deadlines.atRiskAt,
          actor.userId,
        ],
      );
      const view = await this.store.view(actor.scope, row.id, manager);
      await this.history.record(manager, actor, row.id, {
        action: 'created',
        after: {
          caseNumber: view.caseNumber,
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
      if (learned) {
        // The trail says the category was not chosen by a person, and how sure the model was.
        await this.history.record(manager, actor, row.id, {
          action: 'category_suggested',
          after: {
            category: category.code,
            categoryId: category.id,
            confidence: learned.confidence,
            threshold: learned.threshold,
            words: learned.words,
            messageId: learned.messageId,
          },
        });
      }
      // "Başvurunuz … numarasıyla alınmıştır": in this transaction, so the case and its acknowledgement go together.
      await this.notices.opened(manager, actor.organizationId, row.id);
      return row.id as string;
    };
    const id = outer ? await work(outer) : await this.dataSource.transaction(work);
    return this.store.view(actor.scope, id, outer);
  }

  /** The learned suggestion when it is at or above the threshold; below it the category must be chosen (400). */
  private async confidentSuggestion(
    manager: EntityManager,
    organizationId: string,
    conversationId: string,
    messageId: string | null,
  ): Promise<LearnedCategory> {
    const learned = await this.learnedCategories.latest(manager, organizationId, conversationId, messageId);
    if (!learned || learned.confidence < learned.threshold) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [
          learned
            ? `category must be given: the suggestion's confidence ${learned.confidence.toFixed(2)} is below the threshold ${learned.threshold.toFixed(2)}`
            : 'category must be given: the message has no suggested category',
        ],
      });
    }
    return learned;
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
