import { EntityManager } from 'typeorm';
import { LIVE_EVENTS_CHANNEL } from '@civic/ingest';

/** Tells every process (live updates in the inbox) that a conversation changed; delivered on commit. */
export async function notifyConversationUpdated(manager: EntityManager, organizationId: string, conversationId: string): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [
    LIVE_EVENTS_CHANNEL,
    JSON.stringify({ type: 'conversation.updated', organizationId, conversationIds: [conversationId] }),
  ]);
}
