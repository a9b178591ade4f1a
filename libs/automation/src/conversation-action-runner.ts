import type { EntityManager } from 'typeorm';
import type { ConversationAction, ConversationActionKind } from './conversation-action';

/** Who asked for the actions: named in the conversation's history and the audit trail. */
export type ActionOrigin =
  | { kind: 'rule'; ruleId: string; ruleName: string }
  | { kind: 'macro'; macroId: string; macroName: string; userId: string };

export interface ActionRunRequest {
  organizationId: string;
  conversationId: string;
  /** The message that triggered a rule (replies go to it on comment threads); null for macros and case events. */
  messageId: string | null;
  origin: ActionOrigin;
  actions: ConversationAction[];
  /** A rule's event: 0 for citizens' and officers' doings, 1 for one a rule caused (case changes made now become depth + 1). */
  eventDepth?: number;
}

/** One action's result: done, skipped with a reason (e.g. the case is already open), or failed. */
export interface ActionOutcome {
  kind: ConversationActionKind;
  result: 'done' | 'skipped' | 'failed';
  /** A stable code for skipped/failed (e.g. `case_already_open`); never shown raw to users. */
  reason?: string;
}

/**
 * Carries out a list of conversation actions in the caller's transaction, in order, each
 * recorded in the conversation's history and the audit trail with its origin. Messages it sends
 * are authored by the system (rules) or the macro's officer, and never trigger rules themselves.
 * DI token: the automation module binds its implementation.
 */
export abstract class ConversationActionRunner {
  abstract run(manager: EntityManager, request: ActionRunRequest): Promise<ActionOutcome[]>;
}
