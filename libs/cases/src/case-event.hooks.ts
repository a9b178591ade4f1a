import type { EntityManager } from 'typeorm';
import type { CaseStatus } from '@civic/model';
import type { CaseActor } from './case-actor';

/** A case was opened, or its status changed: told in the transaction of the change. */
export interface CaseEvent {
  organizationId: string;
  caseId: string;
  kind: 'opened' | 'status_changed';
  from: CaseStatus | null;
  to: CaseStatus;
  /** Stable and unique per event: `case:<id>:opened` or `case:<id>:status:<history row id>`. */
  key: string;
  actor: CaseActor;
}

/** Someone who acts on case events (automation rules enqueue them into their outbox). */
export interface CaseEventListener {
  onCaseEvent(manager: EntityManager, event: CaseEvent): Promise<void>;
}

/**
 * Case events, told by CaseHistoryRecorder, the one place every opening and status change is
 * written (officers, external bodies, the citizen's "not solved", rules). Process-wide: the
 * recorder is provided by several modules, and a listener registers once for all of them.
 */
export class CaseEventHooks {
  private static readonly listeners = new Set<CaseEventListener>();

  static register(listener: CaseEventListener): () => void {
    CaseEventHooks.listeners.add(listener);
    return () => CaseEventHooks.listeners.delete(listener);
  }

  static async emit(manager: EntityManager, event: CaseEvent): Promise<void> {
    for (const listener of CaseEventHooks.listeners) {
      await listener.onCaseEvent(manager, event);
    }
  }
}
