import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LIVE_EVENTS_CHANNEL } from '@civic/ingest';

/** Announces inbox changes to every process (delivered on commit when sent inside a transaction). */
@Injectable()
export class LiveEventsPublisher {
  async conversationsUpdated(manager: EntityManager, organizationId: string, conversationIds: string[], change: string): Promise<void> {
    // NOTIFY payloads are limited to 8000 bytes; 150 uuids stay well below it.
    for (let i = 0; i < conversationIds.length; i += 150) {
      await manager.query('SELECT pg_notify($1, $2)', [
        LIVE_EVENTS_CHANNEL,
        JSON.stringify({ type: 'conversation.updated', organizationId, conversationIds: conversationIds.slice(i, i + 150), change }),
      ]);
    }
  }
}
