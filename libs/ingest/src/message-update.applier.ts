import type { EntityManager } from 'typeorm';
import type { AuditService } from '@civic/audit';
import { textFingerprint } from '@civic/audit';
import type { DeleteEvent, EditEvent, StatusEvent, WatermarkStatusEvent } from '@civic/channels-core';
import { foldForSearch } from '@civic/domain';
import type { MessageStore, UpdatedMessage } from '@civic/messages';
import { PART_OF_REPLY } from '@civic/messages';
import { deferUpdate } from './deferred-update-sql';
import type { IngestEventResult } from './ingest-report';
import type { AccountRef, Touched } from './ingest-touched';
import { touchedFor } from './ingest-touched';
import type { ReplyReconciler } from './reply-reconciler';

export type UpdateEvent = EditEvent | DeleteEvent | StatusEvent | WatermarkStatusEvent;

/**
 * Applies an edit, deletion or delivery status to its stored message (audited when made on the
 * channel); an update whose message is not stored yet is deferred. Shared by batch ingest and the
 * deferred-update sweep.
 */
export class MessageUpdateApplier {
  constructor(
    private readonly messages: MessageStore,
    private readonly audit: AuditService,
    private readonly replies: ReplyReconciler,
  ) {}

  async apply(
    manager: EntityManager,
    event: UpdateEvent,
    account: AccountRef,
    touched: Touched,
  ): Promise<IngestEventResult> {
    const rows = await this.run(manager, event, account);
    if (rows.length > 0) {
      if (event.type === 'edit' || event.type === 'delete') {
        // Changes made on the channel are part of the record auditors must see.
        await this.audit.record(
          {
            organizationId: account.organizationId,
            actorLabel: `channel:${event.channel}`,
            action: event.type === 'edit' ? 'message.edited' : 'message.deleted',
            targetType: 'message',
            targetId: rows[0].id,
            after:
              event.type === 'edit'
                ? { ...textFingerprint(event.text), at: event.occurredAt.toISOString() }
                : { at: event.occurredAt.toISOString() },
          },
          manager,
        );
      }
      const t = touchedFor(touched, account.organizationId);
      for (const r of rows) {
        t.conversationIds.add(r.conversation_id);
      }
      return { outcome: 'updated', messageId: rows[0].id, conversationId: rows[0].conversation_id };
    }
    if (event.type === 'status_watermark') {
      return { outcome: 'unchanged' };
    }
    // Nothing changed: either the message is unknown or the update was already applied (or older).
    // An earlier part of a reply sent as several messages counts as known: the reply follows its last message.
    const [known] = await manager.query(
      `(SELECT id, conversation_id FROM message WHERE organization_id = $1 AND channel = $2 AND channel_account_id = $3 AND external_id = $4)
       UNION ALL
       (SELECT id, conversation_id FROM message WHERE channel_account_id = $3 AND ${PART_OF_REPLY('$4')} LIMIT 1)
       LIMIT 1`,
      [account.organizationId, event.channel, account.id, event.externalId],
    );
    if (known) {
      return { outcome: 'unchanged', messageId: known.id, conversationId: known.conversation_id };
    }
    if (event.type === 'status' && event.replyId) {
      const reconciled = await this.replies.settleInterruptedReply(manager, event, account);
      if (reconciled) {
        touchedFor(touched, account.organizationId).conversationIds.add(reconciled.conversation_id);
        return { outcome: 'updated', messageId: reconciled.id, conversationId: reconciled.conversation_id };
      }
    }
    await deferUpdate(manager, event, account);
    return {
      outcome: 'deferred',
      reason: `no message ${event.externalId} on this account yet; applied when it arrives`,
    };
  }

  private run(manager: EntityManager, event: UpdateEvent, account: AccountRef): Promise<UpdatedMessage[]> {
    const key = { organizationId: account.organizationId, channel: event.channel, channelAccountId: account.id };
    const at = event.occurredAt.toISOString();
    if (event.type === 'edit') {
      return this.messages.applyEdit(manager, key, event.externalId, event.text, at, foldForSearch(event.text));
    }
    if (event.type === 'delete') {
      return this.messages.markDeleted(manager, key, event.externalId, at);
    }
    if (event.type === 'status') {
      return this.messages.advanceDeliveryState(
        manager,
        key,
        event.externalId,
        event.state,
        event.error ? JSON.stringify(event.error) : null,
        at,
      );
    }
    return this.messages.advanceThreadDeliveryState(manager, key, event.threadKey, event.state, at);
  }
}
