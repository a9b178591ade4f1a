import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from '../case-actor';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CaseResolutionService, CitizenNotification } from '../case-resolution.service';
import { assertTransition } from '../case-transitions';
import { CaseView } from '../case-view';
import { CaseStore } from '../case.store';
import { CasesService } from '../cases.service';

export interface DirectorateDepartmentView {
  id: string;
  name: string;
  /** The administrator lets this department's directorate send a resolution to the citizen itself. */
  directorateMayResolve: boolean;
}

/** The statuses a directorate user may set directly (a resolution goes through a proposal or the resolve action). */
export const DIRECTORATE_STATUSES = [CaseStatus.InProgress] as const;
export type DirectorateStatus = (typeof DIRECTORATE_STATUSES)[number];

/**
 * A directorate (müdürlük) user's work on their department's cases. Every method takes an actor
 * whose AccountScope is AccountScope.directorate: CaseStore and CasesService then reach only the
 * department's cases (any other answers 404), and the existing transitions, history and audit apply.
 */
@Injectable()
export class DirectorateCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly cases: CasesService,
    private readonly history: CaseHistoryRecorder,
    private readonly resolution: CaseResolutionService,
  ) {}

  /** The caller's department, or null for a directorate user whose department was taken away. */
  async department(actor: CaseActor): Promise<DirectorateDepartmentView | null> {
    const departmentId = actor.scope.directorateDepartmentId;
    if (!departmentId) {
      return null;
    }
    const [row] = await this.dataSource.query(
      `SELECT id, name, directorate_may_resolve AS "directorateMayResolve"
         FROM department WHERE organization_id = $1 AND id = $2`,
      [actor.organizationId, departmentId],
    );
    return row ?? null;
  }

  /** An internal note on the case (its history): never shown to the citizen. */
  async addNote(actor: CaseActor, id: string, text: string): Promise<CaseView> {
    await this.dataSource.transaction(async (manager) => {
      await this.store.lock(manager, actor.scope, id);
      await this.history.record(manager, actor, id, { action: 'note_added', note: text });
    });
    return this.store.view(actor.scope, id);
  }

  /** A status change within the case transitions (CaseTransitionNotAllowed otherwise). */
  async setStatus(actor: CaseActor, id: string, status: DirectorateStatus, note?: string): Promise<CaseView> {
    switch (status) {
      case CaseStatus.InProgress:
        return this.cases.start(actor, id, note);
    }
  }

  /** Stores the directorate's proposed resolution for an officer to send (or edit first). */
  async propose(actor: CaseActor, id: string, text: string): Promise<CaseView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, actor.scope, id);
      // Only a case that could be resolved now takes a proposal.
      assertTransition(current.status, CaseStatus.Resolved);
      const [before] = await manager.query(
        `SELECT proposed_resolution_text AS text FROM civic_case WHERE organization_id = $1 AND id = $2`,
        [actor.organizationId, id],
      );
      const [user] = actor.userId
        ? await manager.query(`SELECT display_name FROM app_user WHERE id = $1`, [actor.userId])
        : [];
      await manager.query(
        `UPDATE civic_case SET proposed_resolution_text = $3, proposed_resolution_by_user_id = $4,
                proposed_resolution_by_label = $5, proposed_resolution_at = clock_timestamp(), updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [actor.organizationId, id, text, actor.userId, user?.display_name ?? actor.label],
      );
      await this.history.record(manager, actor, id, {
        action: 'resolution_proposed',
        before: { proposedResolutionText: before?.text ?? null },
        after: { proposedResolutionText: text },
      });
    });
    return this.store.view(actor.scope, id);
  }

  /**
   * Resolves the case and tells the citizen through the existing resolution flow, when the
   * administrator lets the department do so (DirectorateResolveNotAllowed otherwise).
   */
  async resolve(
    actor: CaseActor,
    id: string,
    resolutionText: string,
  ): Promise<{ case: CaseView; notification: CitizenNotification }> {
    await this.store.view(actor.scope, id);
    const department = await this.department(actor);
    if (!department?.directorateMayResolve) {
      throw new DomainError(ErrorCode.DirectorateResolveNotAllowed);
    }
    return this.resolution.resolve(actor, id, { resolutionText });
  }

  /**
   * A conversation the directorate may read: one with a case of its department, directly or as a
   * duplicate merged into one. Any other conversation is absent (404), whether it exists or not.
   */
  async requireConversation(actor: CaseActor, conversationId: string): Promise<void> {
    const departmentId = actor.scope.directorateDepartmentId;
    const [row] = departmentId
      ? await this.dataSource.query(
          `SELECT 1 FROM civic_case k
             LEFT JOIN civic_case s ON s.id = k.merged_into_case_id
            WHERE k.organization_id = $1 AND k.conversation_id = $2
              AND (k.department_id = $3 OR s.department_id = $3)
            LIMIT 1`,
          [actor.organizationId, conversationId, departmentId],
        )
      : [];
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
  }
}
