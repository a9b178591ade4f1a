import type { EntityManager } from 'typeorm';

/** A new mention was stored: told in the transaction of its insert (never when a post is stored again or linked). */
export interface MentionMatchedEvent {
  organizationId: string;
  mentionId: string;
  watchlistId: string;
  /** Stable and unique per mention: `mention:<id>`. */
  key: string;
}

/** Someone who acts on new mentions (automation rules enqueue them into their outbox). */
export interface MentionEventListener {
  onMentionMatched(manager: EntityManager, event: MentionMatchedEvent): Promise<void>;
}

/**
 * New mentions, told by MentionStoreService, the one place every mention row is inserted (inbox
 * scanner, channel searches, tagged polls). Process-wide, as CaseEventHooks: the store is provided by
 * several modules, and a listener registers once for all of them.
 */
export class MentionEventHooks {
  private static readonly listeners = new Set<MentionEventListener>();

  static register(listener: MentionEventListener): () => void {
    MentionEventHooks.listeners.add(listener);
    return () => MentionEventHooks.listeners.delete(listener);
  }

  static async emit(manager: EntityManager, event: MentionMatchedEvent): Promise<void> {
    for (const listener of MentionEventHooks.listeners) {
      await listener.onMentionMatched(manager, event);
    }
  }
}
