import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, withTextFingerprints } from '@civic/audit';
import type { CaseStatus } from '@civic/model';
import { CaseActor } from './case-actor';
import { CaseEventHooks } from './case-event.hooks';
import { CaseNeighbourhoodAssigner } from './neighbourhoods/case-neighbourhood.assigner';

export interface CaseChange {
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string | null;
}

/** Writes one case history row and the matching audit event (personal texts fingerprinted), both in the caller's transaction. */
@Injectable()
export class CaseHistoryRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly neighbourhoods: CaseNeighbourhoodAssigner,
  ) {}

  async record(manager: EntityManager, actor: CaseActor, caseId: string, change: CaseChange): Promise<void> {
    // Every opening and every change of location or description passes here: the case's neighbourhood
    // follows in this transaction, before the case event (rules may use it).
    if (change.action === 'created' || (change.action === 'updated' && touchesPlace(change.after))) {
      const found = await this.neighbourhoods.assign(manager, actor.organizationId, caseId);
      if (change.action === 'created' && found) {
        change = { ...change, after: { ...change.after, neighbourhood: found } };
      }
    }
    const [written]: { id: string }[] = await manager.query(
      // clock_timestamp(), not now(): several changes in one transaction keep their order.
      `INSERT INTO case_history (organization_id, case_id, actor_user_id, actor_label, action, before, after, note, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, clock_timestamp()) RETURNING id`,
      [
        actor.organizationId,
        caseId,
        actor.userId,
        actor.label,
        change.action,
        change.before ? JSON.stringify(change.before) : null,
        change.after ? JSON.stringify(change.after) : null,
        change.note ?? null,
      ],
    );
    await this.audit.record(
      {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: `case.${change.action}`,
        targetType: 'case',
        targetId: caseId,
        // The trail outlives erasure: texts, locations and error answers go in as fingerprints only.
        before: withTextFingerprints(change.before),
        after: withTextFingerprints(change.note ? { ...(change.after ?? {}), note: change.note } : change.after),
      },
      manager,
    );
    await this.tellEvent(manager, actor, caseId, change, String(written.id));
  }

  /** An opening or a status change is a case event (automation rules): in this transaction, keyed by this history row. */
  private async tellEvent(
    manager: EntityManager,
    actor: CaseActor,
    caseId: string,
    change: CaseChange,
    historyId: string,
  ): Promise<void> {
    const to = change.after?.status as CaseStatus | undefined;
    const from = (change.before?.status as CaseStatus | undefined) ?? null;
    if (!to || (change.action !== 'created' && (from === null || from === to))) {
      return;
    }
    const opened = change.action === 'created';
    await CaseEventHooks.emit(manager, {
      organizationId: actor.organizationId,
      caseId,
      kind: opened ? 'opened' : 'status_changed',
      from: opened ? null : from,
      to,
      key: opened ? `case:${caseId}:opened` : `case:${caseId}:status:${historyId}`,
      actor,
    });
  }
}

function touchesPlace(after: Record<string, unknown> | null | undefined): boolean {
  return !!after && ('location' in after || 'description' in after);
}
