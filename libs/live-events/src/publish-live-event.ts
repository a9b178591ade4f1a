import type { EntityManager } from 'typeorm';
import type { LiveEvent } from './live-event';
import { LIVE_EVENTS_CHANNEL } from './live-event';

/** NOTIFY payloads are limited to 8000 bytes; 150 uuids per event stay well below it. */
export const IDS_PER_NOTIFY = 150;

/**
 * Announces a change to every process (the server-sent events of the inbox). Sent inside the
 * caller's transaction, it is delivered on commit and never for a rolled-back change.
 */
export async function publishLiveEvent(manager: EntityManager, event: LiveEvent): Promise<void> {
  for (let i = 0; i < event.conversationIds.length; i += IDS_PER_NOTIFY) {
    await manager.query('SELECT pg_notify($1, $2)', [
      LIVE_EVENTS_CHANNEL,
      JSON.stringify({ ...event, conversationIds: event.conversationIds.slice(i, i + IDS_PER_NOTIFY) }),
    ]);
  }
}
