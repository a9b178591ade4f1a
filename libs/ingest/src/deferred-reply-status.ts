import type { EntityManager } from 'typeorm';

/**
 * Deferred statuses that name this reply (see reply-callback-data.ts) are looked at on the next
 * sweep instead of after their backoff: its send was just found interrupted, so they can reconcile it.
 */
export async function recheckDeferredStatusesOfReply(manager: EntityManager, replyId: string): Promise<void> {
  await manager.query(
    `UPDATE deferred_message_update SET next_check_at = now() WHERE reply_message_id = $1 AND next_check_at > now()`,
    [replyId],
  );
}
