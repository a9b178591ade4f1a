import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { publishLiveEvent } from '@civic/ingest';

/** Announces inbox changes to every process (delivered on commit when sent inside a transaction). */
@Injectable()
export class LiveEventsPublisher {
  conversationsUpdated(manager: EntityManager, organizationId: string, conversationIds: string[], change: string): Promise<void> {
    return publishLiveEvent(manager, { type: 'conversation.updated', organizationId, conversationIds, change });
  }
}
