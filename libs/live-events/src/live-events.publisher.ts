import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveEventName } from './live-event';
import { publishLiveEvent } from './publish-live-event';

/** Announces inbox changes to every process (delivered on commit when sent inside a transaction). */
@Injectable()
export class LiveEventsPublisher {
  conversationsUpdated(
    manager: EntityManager,
    organizationId: string,
    conversationIds: string[],
    change: string,
  ): Promise<void> {
    return publishLiveEvent(manager, {
      type: LiveEventName.ConversationUpdated,
      organizationId,
      conversationIds,
      change,
    });
  }
}
