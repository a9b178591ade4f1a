import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CasePriority, CaseStatus, DepartmentKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { caseAccountCondition } from './case-account-condition';
import { CaseActor } from './case-actor';
import { CaseCategoriesService } from './case-categories.service';
import { CaseDueDatesService } from './case-due-dates.service';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CaseNoticeView, listCaseNotices } from './case-notice-list';
import { CaseNoticeTrigger } from './case-notice.trigger';
import { CaseLocationInput } from './case-opening.service';
import { assertTransition } from './case-transitions';
import { CASE_SELECT, CaseView } from './case-view';
import { CaseRow, CaseStore } from './case.store';
import { DepartmentsService } from './departments.service';
import { readResolutionProposal, ResolutionProposalView } from './directorate/resolution-proposal.reader';
import { ManualCaseNoticeSender } from './intake/manual-case-notice.sender';
import { CasePhotoLocationView, readCasePhotoLocationSuggestion } from './photos/case-photo-location.reader';
import { CaseSatisfactionView, readCaseSatisfaction } from './satisfaction/case-satisfaction.reader';
import { SatisfactionSurveyService } from './satisfaction/satisfaction-survey.service';

export interface UpdateCaseInput {
  description?: string | null;
  priority?: CasePriority;
  category?: string;
  location?: CaseLocationInput | null;
  /** The officer responsible; null to clear. */
  assigneeUserId?: string | null;
}

export interface CaseFilter {
  status?: CaseStatus[];
  priority?: CasePriority[];
  departmentId?: string;
  externalBodyId?: string;
  /** A user's cases; null: cases nobody is responsible for. */
  assigneeUserId?: string | null;
  categoryId?: string;
  /** Cases of this neighbourhood (of the active boundaries). */
  neighbourhoodId?: string;
  conversationId?: string;
  /** A readable case number, canonical (`2026-000123`): an indexed lookup. */
  caseNumber?: string;
  overdue?: boolean;
  /** Open, not overdue, past the at-risk moment. */
  atRisk?: boolean;
  /** Words in the case number, description, place or the citizen's message (case-insensitive). */
  text?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

/** Working cases: list, read, edit, assign, start, reject, reopen (opening: CaseOpeningService). */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly categories: CaseCategoriesService,
    private readonly departments: DepartmentsService,
    private readonly history: CaseHistoryRecorder,
    private readonly dueDates: CaseDueDatesService,
    private readonly manualNotices: ManualCaseNoticeSender,
    private readonly notices: CaseNoticeTrigger,
    private readonly satisfaction: SatisfactionSurveyService,
  ) {}

  async list(scope: AccountScope, filter: CaseFilter): Promise<{ items: CaseView[]; total: number }> {
    const params: unknown[] = [scope.organizationId];
    const where = ['k.organization_id = $1', caseAccountCondition(scope, 'k.channel_account_id', params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (filter.status?.length) {
      add('k.status = ANY(?::text[])', filter.status);
    }
    if (filter.priority?.length) {
      add('k.priority = ANY(?::text[])', filter.priority);
    }
    if (filter.departmentId) {
      add('k.department_id = ?', filter.departmentId);
    }
    if (filter.externalBodyId) {
      add('k.external_body_id = ?', filter.externalBodyId);
    }
    if (filter.assigneeUserId === null) {
      where.push('k.assignee_user_id IS NULL');
    } else if (filter.assigneeUserId) {
      add('k.assignee_user_id = ?', filter.assigneeUserId);
    }
    if (filter.categoryId) {
      add('k.category_id = ?', filter.categoryId);
    }
    if (filter.neighbourhoodId) {
      add('k.neighbourhood_id = ?', filter.neighbourhoodId);
    }
    if (filter.conversationId) {
      add('k.conversation_id = ?', filter.conversationId);
    }
    if (filter.caseNumber) {
      add('k.case_number = ?', filter.caseNumber);
    }
    if (filter.text?.trim()) {
      const like = `%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add(
        `(k.case_number ILIKE ? OR k.description ILIKE ? OR k.location_label ILIKE ?
          OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = k.conversation_id AND m.direction = 'in' AND m.text ILIKE ?))`,
        like,
      );
    }
    if (filter.from) {
      add('k.created_at >= ?', filter.from);
    }
    if (filter.to) {
      add('k.created_at < ?', filter.to);
    }
    const now = this.store.now();
    const open = `k.status IN ('new', 'assigned', 'in_progress', 'forwarded')`;
    if (filter.overdue) {
      add(`k.due_at < ?::timestamptz AND ${open}`, now);
    }
    if (filter.atRisk) {
      add(`k.at_risk_at <= ?::timestamptz AND k.due_at >= ?::timestamptz AND ${open}`, now);
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
    return { items: rows.map((r: Record<string, any>) => this.store.toView(r, now)), total };
  }

  async get(
    scope: AccountScope,
    id: string,
  ): Promise<
    CaseView & {
      history: unknown[];
      forwards: unknown[];
      mergedCases: unknown[];
      notices: CaseNoticeView[];
      satisfaction: CaseSatisfactionView | null;
      resolutionProposal: ResolutionProposalView | null;
      photoLocation: CasePhotoLocationView | null;
    }
  > {
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
      `SELECT id, case_number AS "caseNumber", conversation_id AS "conversationId", message_id AS "messageId", channel, merged_at AS "mergedAt"
         FROM civic_case WHERE organization_id = $1 AND merged_into_case_id = $2 ORDER BY merged_at, number`,
      [organizationId, id],
    );
    // The automatic messages the citizen was sent (or could not be), with their delivery state.
    const notices = await listCaseNotices(this.dataSource.manager, organizationId, id);
    // The citizen's rating of the latest resolution (memnuniyet), if asked.
    const satisfaction = await readCaseSatisfaction(this.dataSource.manager, organizationId, id);
    // The resolution the department's directorate proposed, waiting for an officer to send it.
    const resolutionProposal = await readResolutionProposal(this.dataSource.manager, organizationId, id);
    // A photo's EXIF position, offered while the case has no location ("Fotoğraftaki konumu kullan").
    const photoLocation = await readCasePhotoLocationSuggestion(
      this.dataSource.manager,
      organizationId,
      id,
      !!view.location,
    );
    return { ...view, history, forwards, mergedCases, notices, satisfaction, resolutionProposal, photoLocation };
  }

  async update(actor: CaseActor, id: string, input: UpdateCaseInput, outer?: EntityManager): Promise<CaseView> {
    // With `outer` (the automation runner) the change is written in the caller's transaction.
    const work = async (manager: EntityManager): Promise<void> => {
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
          // The deadlines follow the new category's SLA from the opening (CaseDueDatesService below);
          // a CİMER answer deadline stays the due date when it is the earlier one.
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
      if (input.assigneeUserId !== undefined && input.assigneeUserId !== current.assignee_user_id) {
        const to = input.assigneeUserId
          ? await this.requireAssignee(manager, actor.organizationId, input.assigneeUserId)
          : null;
        params.push(to?.id ?? null);
        sets.push(`assignee_user_id = $${params.length}`);
        // Names beside the ids: the history reads as sentences for users who may not list users.
        before.assignee = current.assignee_user_id
          ? await this.assigneeRef(manager, actor.organizationId, current.assignee_user_id)
          : null;
        after.assignee = to;
      }
      if (sets.length === 0) {
        return;
      }
      await manager.query(
        `UPDATE civic_case SET ${sets.join(', ')}, updated_at = now() WHERE organization_id = $1 AND id = $2`,
        params,
      );
      if (after.categoryId !== undefined) {
        await this.dueDates.apply(manager, actor.organizationId, id);
      }
      await this.history.record(manager, actor, id, { action: 'updated', before, after });
    };
    await (outer ? work(outer) : this.dataSource.transaction(work));
    return this.store.view(actor.scope, id, outer);
  }

  /** An active administrator or officer of the organization: the only users who work on cases. */
  private async requireAssignee(
    manager: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<{ id: string; displayName: string }> {
    const [user] = await manager.query(
      `SELECT id, display_name AS "displayName" FROM app_user
        WHERE organization_id = $1 AND id = $2 AND active AND roles && ARRAY['admin', 'officer']::text[]`,
      [organizationId, userId],
    );
    if (!user) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: ['assigneeUserId must be an active administrator or officer of your organization'],
      });
    }
    return user;
  }

  private async assigneeRef(manager: EntityManager, organizationId: string, userId: string) {
    const [user] = await manager.query(
      `SELECT id, display_name AS "displayName" FROM app_user WHERE organization_id = $1 AND id = $2`,
      [organizationId, userId],
    );
    return user ?? { id: userId, displayName: null };
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
      /** False: the citizen's automatic status message is not sent for this change (the caller tells them itself). */
      notice?: boolean;
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
      if (outcome.notice !== false) {
        await this.notices.statusChanged(tx, actor.organizationId, id, to);
      }
      if (outcome.notice !== false) {
        // A case recorded by hand has no conversation: its citizen hears the change by e-mail (with consent).
        await this.manualNotices.onTransition(tx, actor, id, current.status, to);
      }
      // Each resolution asks the citizen once how satisfied they are (memnuniyet).
      if (to === CaseStatus.Resolved && current.status !== CaseStatus.Resolved) {
        await this.satisfaction.ask(tx, actor.organizationId, id);
      }
    };
    if (manager) {
      await work(manager);
    } else {
      await this.dataSource.transaction(work);
    }
    return this.store.view(actor.scope, id, manager);
  }
}
