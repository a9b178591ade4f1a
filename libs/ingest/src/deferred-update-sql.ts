import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DeleteEvent, EditEvent, NormalizedEvent, StatusEvent } from '@civic/channels-core';
import { PART_OF_REPLY, REPLY_INTERRUPTED } from '@civic/messages';
import { encodeEvents } from './event-json.codec';
import type { AccountRef } from './ingest-touched';

/** First look for the message of a deferred update; each later look waits twice as long, up to the cap. */
export const DEFERRED_FIRST_CHECK_SECONDS = 1;
export const DEFERRED_MAX_CHECK_SECONDS = 600;

/**
 * SQL: deferred update `d` can be applied: its message is stored (or a reply lists it as one of its
 * parts), or it is a status naming our reply (reply_message_id) and that reply's send is now known
 * to have been interrupted.
 */
export const DEFERRED_UPDATE_READY = `(EXISTS (SELECT 1 FROM message m WHERE m.organization_id = d.organization_id AND m.channel = d.channel
  AND m.channel_account_id = d.channel_account_id AND m.external_id = d.external_id)
  OR EXISTS (SELECT 1 FROM message p WHERE p.channel_account_id = d.channel_account_id AND p.${PART_OF_REPLY('d.external_id')})
  OR (d.reply_message_id IS NOT NULL AND EXISTS (SELECT 1 FROM message r WHERE r.id = d.reply_message_id
  AND r.organization_id = d.organization_id AND r.channel_account_id = d.channel_account_id AND ${REPLY_INTERRUPTED('r')})))`;

/**
 * Keeps an update whose message is not stored yet, for DeferredUpdatesService; the same update twice
 * is kept once. Without the channel's raw payload: applying an update never reads it, and it may
 * name the citizen (a status's recipient number), which erasure cannot reach here.
 */
export async function deferUpdate(
  manager: EntityManager,
  event: EditEvent | DeleteEvent | StatusEvent,
  account: AccountRef,
): Promise<void> {
  const { raw: _raw, ...kept } = event;
  const json = encodeEvents([kept as NormalizedEvent]);
  await manager.query(
    `INSERT INTO deferred_message_update (organization_id, channel_account_id, channel, external_id, reply_message_id, event, event_key, next_check_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))
     ON CONFLICT (channel_account_id, external_id, event_key) DO NOTHING`,
    [
      account.organizationId,
      account.id,
      event.channel,
      event.externalId,
      event.type === 'status' ? (event.replyId ?? null) : null,
      json,
      createHash('sha256').update(json).digest('hex'),
      DEFERRED_FIRST_CHECK_SECONDS,
    ],
  );
}
