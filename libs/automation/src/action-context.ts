import type { EntityManager } from 'typeorm';
import type { CaseActor } from '@civic/cases';
import type { ActionOrigin } from './conversation-action-runner';

/** What every action of one run shares: the caller's transaction, the conversation and who acts. */
export interface ActionContext {
  manager: EntityManager;
  organizationId: string;
  conversationId: string;
  /** The message a rule fired on (a reply answers it on comment threads); null for macros. */
  messageId: string | null;
  origin: ActionOrigin;
  /** The macro's officer; null for a rule (the system acts). */
  userId: string | null;
  /** The same actor for case changes (whole organization: access was checked before the run). */
  caseActor: CaseActor;
  /** Written into the conversation's history and the audit trail with every change. */
  originRef: { kind: 'rule' | 'macro'; id: string; name: string };
}
