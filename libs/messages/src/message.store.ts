import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { returningRows } from '@civic/database';
import { DeliveryState } from '@civic/domain';
import { IDS_PER_NOTIFY, LIVE_EVENTS_CHANNEL, LiveEventName } from '@civic/live-events';
import { REPLY_INTERRUPTED, STATE_RANK_SQL } from './message-sql';
import {
  AnonymizedCounts,
  InsertedMessage,
  MessageAccountKey,
  NewMessageColumns,
  RemovedEcho,
  UpdatedMessage,
} from './message-store.types';

// The new first inbound time; stored rows are looked at again only when it moves (a first or an
// out-of-order earlier inbound message), and this statement's own rows come from agg (same snapshot).
const FIRST_IN = 'LEAST(c.first_inbound_at, agg.first_inbound_at)';
const FIRST_IN_MOVED = `c.first_inbound_at IS DISTINCT FROM ${FIRST_IN}`;
const RESPONSE_TIMES_SET = `first_inbound_at = ${FIRST_IN},
            (first_response_at, first_response_user_id) = (
              SELECT r.at, r.actor_id FROM (
                SELECT c.first_response_at AS at, c.first_response_user_id AS actor_id WHERE c.first_response_at > ${FIRST_IN}
                UNION ALL
                (SELECT m.sent_at, m.author_user_id FROM message m
                  WHERE ${FIRST_IN_MOVED} AND m.conversation_id = c.id AND m.direction = 'out' AND m.sent_at > ${FIRST_IN}
                  ORDER BY m.sent_at, m.id LIMIT 1)
                UNION ALL
                (SELECT t, NULL::uuid FROM unnest(agg.out_times) t WHERE t > ${FIRST_IN} LIMIT 1)
              ) r ORDER BY r.at LIMIT 1),
            (resolved_at, resolved_by_user_id) = (
              SELECT r.at, r.actor_id FROM (
                SELECT c.resolved_at AS at, c.resolved_by_user_id AS actor_id WHERE NOT (${FIRST_IN_MOVED}) AND c.resolved_at IS NOT NULL
                UNION ALL
                (SELECT ca.created_at, ca.actor_user_id FROM conversation_activity ca
                  WHERE ${FIRST_IN_MOVED} AND ca.conversation_id = c.id AND ca.type = 'status'
                    AND ca.data->>'to' IN ('resolved', 'closed') AND ca.created_at > ${FIRST_IN}
                  ORDER BY ca.created_at, ca.id LIMIT 1)
              ) r LIMIT 1),`;

const ACCOUNT_WHERE = `organization_id = $1 AND channel = $2 AND channel_account_id = $3`;
const keyParams = (key: MessageAccountKey) => [key.organizationId, key.channel, key.channelAccountId];

/**
 * Every statement that writes the `message` table, named by what it does. Callers pass the
 * EntityManager of their transaction (or the data source's, for a statement that is its own).
 */
@Injectable()
export class MessageStore {
  /**
   * One statement inserts a batch's new messages (parents resolved from stored messages), moves their
   * conversations' counters, preview, last activity and reply window, and announces them on commit;
   * duplicates (ON CONFLICT) touch nothing.
   */
  insertBatchAndTouchConversations(manager: EntityManager, v: NewMessageColumns): Promise<InsertedMessage[]> {
    return manager.query(
      `WITH v AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                              $10::jsonb[], $11::text[], $12::uuid[], $13::timestamptz[], $14::text[], $15::jsonb[], $16::text[], $17::timestamptz[], $18::boolean[],
                              $20::uuid[])
           AS v(organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, search_text,
                attachments, parent_external_id, contact_id, sent_at, delivery_state, raw, preview, window_until, media_pending, echo_of_reply_id)
       ), ins AS (
         INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind,
                              text, search_text, attachments, parent_external_id, parent_message_id, contact_id, sent_at, delivery_state, raw, media_pending,
                              echo_of_reply_id)
         SELECT organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind,
                text, search_text, attachments, parent_external_id,
                (SELECT p.id FROM message p
                  WHERE v.parent_external_id IS NOT NULL AND p.organization_id = v.organization_id AND p.channel = v.channel
                    AND p.channel_account_id = v.channel_account_id AND p.external_id = v.parent_external_id LIMIT 1),
                contact_id, sent_at, delivery_state, raw, media_pending,
                -- Only a reply of ours on the same account: a tag naming anything else links nothing.
                (SELECT r.id FROM message r
                  WHERE v.echo_of_reply_id IS NOT NULL AND r.id = v.echo_of_reply_id AND r.organization_id = v.organization_id
                    AND r.channel = v.channel AND r.channel_account_id = v.channel_account_id AND r.direction = 'out')
           FROM v
         ON CONFLICT (organization_id, channel, channel_account_id, external_id) DO NOTHING
         RETURNING id, organization_id, channel_account_id, external_id, conversation_id, direction, sent_at
       ), agg AS (
         SELECT ins.conversation_id, min(ins.organization_id::text)::uuid AS organization_id, count(*)::int AS count,
                (count(*) FILTER (WHERE ins.direction = 'in'))::int AS inbound,
                max(ins.sent_at) AS last_at, max(ins.sent_at) FILTER (WHERE ins.direction = 'in') AS last_inbound_at,
                min(ins.sent_at) FILTER (WHERE ins.direction = 'in') AS first_inbound_at,
                array_agg(ins.sent_at ORDER BY ins.sent_at) FILTER (WHERE ins.direction = 'out') AS out_times,
                (array_agg(v.preview ORDER BY ins.sent_at DESC))[1] AS preview, max(v.window_until) AS window_until
           FROM ins JOIN v ON v.channel_account_id = ins.channel_account_id AND v.external_id = ins.external_id
          GROUP BY ins.conversation_id
       ), upd AS (
         UPDATE conversation c SET
            message_count = c.message_count + agg.count,
            unread_count = c.unread_count + agg.inbound,
            last_message_preview = CASE WHEN agg.last_at >= c.last_activity_at OR c.last_message_preview IS NULL THEN agg.preview ELSE c.last_message_preview END,
            last_activity_at = GREATEST(c.last_activity_at, agg.last_at),
            last_inbound_at = GREATEST(c.last_inbound_at, agg.last_inbound_at),
            reply_window_expires_at = GREATEST(c.reply_window_expires_at, agg.window_until),
            ${RESPONSE_TIMES_SET}
            -- A citizen writing again reopens a conversation that was resolved or closed.
            status = CASE WHEN agg.inbound > 0 AND c.status IN ('resolved', 'closed') THEN 'open' ELSE c.status END
           FROM agg WHERE c.id = agg.conversation_id
         RETURNING c.id
       ), numbered AS (
         SELECT organization_id, conversation_id, sum(count) OVER (PARTITION BY organization_id) AS new_messages,
                (row_number() OVER (PARTITION BY organization_id ORDER BY conversation_id) - 1) / ${IDS_PER_NOTIFY} AS chunk
           FROM agg
       ), announced AS (
         -- Live updates (server-sent events in every api process), delivered on commit only.
         SELECT pg_notify($19, json_build_object('type', '${LiveEventName.ConversationsChanged}', 'organizationId', organization_id,
                                                 'conversationIds', array_agg(conversation_id), 'newMessages', max(new_messages))::text)
           FROM numbered GROUP BY organization_id, chunk
       )
       SELECT id, channel_account_id, external_id, (SELECT count(*) FROM announced) AS notifications FROM ins`,
      [
        v.organizationIds,
        v.channels,
        v.channelAccountIds,
        v.conversationIds,
        v.externalIds,
        v.directions,
        v.kinds,
        v.texts,
        v.searchTexts,
        v.attachments,
        v.parentExternalIds,
        v.contactIds,
        v.sentAt,
        v.deliveryStates,
        v.raw,
        v.previews,
        v.windowUntil,
        v.mediaPending,
        LIVE_EVENTS_CHANNEL,
        v.echoOfReplyIds,
      ],
    );
  }

  /** Replies that arrived in the same batch as their parent: the parent is visible now. */
  async linkParentsArrivedInBatch(manager: EntityManager, messageIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE message m SET parent_message_id = (
          SELECT p.id FROM message p
           WHERE p.organization_id = m.organization_id AND p.channel = m.channel
             AND p.channel_account_id = m.channel_account_id AND p.external_id = m.parent_external_id
           LIMIT 1)
        WHERE m.id = ANY($1::uuid[]) AND m.parent_message_id IS NULL`,
      [messageIds],
    );
  }

  /**
   * The earlier text goes into the history; replaying the same edit changes nothing, and an older
   * edit arriving after a newer one (a redelivery) does not bring its text back. Facebook gives edit
   * times in whole seconds: a second edit within the same second applies unless its text was already
   * replaced at that time (a replay of the first). A message anonymized by retention or erasure (its
   * conversation erased after it was stored, or its citizen erased) stays so.
   */
  applyEdit(
    manager: EntityManager,
    key: MessageAccountKey,
    externalId: string,
    text: string | null,
    editedAt: string,
    searchText: string,
  ): Promise<UpdatedMessage[]> {
    return manager
      .query(
        `UPDATE message SET
          edit_history = edit_history || jsonb_build_array(jsonb_build_object('text', text, 'editedAt', $6::timestamptz)),
          text = $5, search_text = $7, edited = true
        WHERE ${ACCOUNT_WHERE} AND external_id = $4 AND text IS DISTINCT FROM $5
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(edit_history) h
                           WHERE (h->>'editedAt')::timestamptz > $6::timestamptz
                              OR ((h->>'editedAt')::timestamptz = $6::timestamptz AND h->>'text' IS NOT DISTINCT FROM $5))
          AND NOT EXISTS (SELECT 1 FROM conversation_erasure e WHERE e.conversation_id = message.conversation_id AND e.erased_at >= message.received_at)
          AND NOT EXISTS (SELECT 1 FROM contact ct WHERE ct.id = message.contact_id AND ct.channel_user_id = 'anon:' || ct.id)
        RETURNING id, conversation_id`,
        [...keyParams(key), externalId, text, editedAt, searchText],
      )
      .then(returningRows<UpdatedMessage>);
  }

  markDeleted(
    manager: EntityManager,
    key: MessageAccountKey,
    externalId: string,
    deletedAt: string,
  ): Promise<UpdatedMessage[]> {
    return manager
      .query(
        `UPDATE message SET deleted = true, deleted_at = $5 WHERE ${ACCOUNT_WHERE} AND external_id = $4 AND NOT deleted
        RETURNING id, conversation_id`,
        [...keyParams(key), externalId, deletedAt],
      )
      .then(returningRows<UpdatedMessage>);
  }

  /** A delivery status of one outbound message; applies only when it moves the state forward. */
  advanceDeliveryState(
    manager: EntityManager,
    key: MessageAccountKey,
    externalId: string,
    state: DeliveryState,
    errorJson: string | null,
    at: string,
  ): Promise<UpdatedMessage[]> {
    return manager
      .query(
        `UPDATE message SET delivery_state = $5, delivery_error = $6::jsonb, delivery_updated_at = $7
        WHERE ${ACCOUNT_WHERE} AND external_id = $4 AND direction = 'out'
          AND COALESCE(${STATE_RANK_SQL('delivery_state')}, 0) < ${STATE_RANK_SQL('$5::text')}
        RETURNING id, conversation_id`,
        [...keyParams(key), externalId, state, errorJson, at],
      )
      .then(returningRows<UpdatedMessage>);
  }

  /** A watermark status: every outbound message of the thread sent up to `at` moves forward. */
  advanceThreadDeliveryState(
    manager: EntityManager,
    key: MessageAccountKey,
    threadKey: string,
    state: DeliveryState,
    at: string,
  ): Promise<UpdatedMessage[]> {
    return manager
      .query(
        `UPDATE message m SET delivery_state = $5, delivery_updated_at = $6
         FROM conversation c
        WHERE c.channel_account_id = $3 AND c.thread_key = $4 AND m.conversation_id = c.id
          AND m.organization_id = $1 AND m.channel = $2 AND m.direction = 'out' AND m.sent_at <= $6
          AND COALESCE(${STATE_RANK_SQL('m.delivery_state')}, 0) < ${STATE_RANK_SQL('$5::text')}
        RETURNING m.id, m.conversation_id`,
        [...keyParams(key), threadKey, state, at],
      )
      .then(returningRows<UpdatedMessage>);
  }

  /** Our reply whose send was interrupted takes the channel's id and state (null if it is not such a reply). */
  async settleInterruptedReply(
    manager: EntityManager,
    key: MessageAccountKey,
    replyId: string,
    externalId: string,
    state: DeliveryState,
    errorJson: string | null,
    at: string,
  ): Promise<UpdatedMessage | undefined> {
    const [row] = returningRows<UpdatedMessage>(
      await manager.query(
        `UPDATE message m SET external_id = $4, delivery_state = $6, delivery_error = $7::jsonb, delivery_updated_at = $8
          WHERE m.id = $5 AND m.organization_id = $1 AND m.channel = $2 AND m.channel_account_id = $3 AND ${REPLY_INTERRUPTED('m')}
          RETURNING m.id, m.conversation_id`,
        [...keyParams(key), externalId, replyId, state, errorJson, at],
      ),
    );
    return row;
  }

  /** Removes the echoes that name this reply by its tag (same account); newest first. */
  deleteEchoesOfReply(manager: EntityManager, replyId: string): Promise<RemovedEcho[]> {
    return manager.query(
      `WITH gone AS (
         DELETE FROM message e USING message r
          WHERE r.id = $1 AND e.echo_of_reply_id = r.id
            AND e.organization_id = r.organization_id AND e.channel = r.channel AND e.channel_account_id = r.channel_account_id
          RETURNING e.id, e.external_id, e.delivery_state, e.conversation_id, e.sent_at)
       SELECT external_id, delivery_state, conversation_id FROM gone ORDER BY sent_at DESC, id DESC`,
      [replyId],
    );
  }

  /** The reply takes the channel id of its last echoed part (the others as its parts) and the state. */
  async adoptEchoedChannelIds(
    manager: EntityManager,
    replyId: string,
    externalId: string,
    state: DeliveryState,
    partExternalIds: string[] | null,
  ): Promise<{ conversation_id: string }> {
    const [updated] = returningRows<{ conversation_id: string }>(
      await manager.query(
        `UPDATE message SET external_id = $2, part_external_ids = $4, delivery_state = $3, delivery_error = NULL, delivery_updated_at = now()
          WHERE id = $1 RETURNING conversation_id`,
        [replyId, externalId, state, partExternalIds],
      ),
    );
    return updated;
  }

  /** Claims up to `limit` messages whose media is due for a download attempt. */
  async claimMediaDownloads<T>(manager: EntityManager, limit: number): Promise<T[]> {
    const [claimed] = (await manager.query(
      `UPDATE message m SET media_claimed_at = now(), media_attempts = m.media_attempts + 1
        WHERE m.id IN (
          SELECT id FROM message
           WHERE media_pending
             AND (media_claimed_at IS NULL OR media_claimed_at < now() - interval '15 seconds' * power(2, least(media_attempts, 8)))
           ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.organization_id, m.conversation_id, m.channel_account_id, m.attachments, m.media_attempts`,
      [limit],
    )) as [T[], number];
    return claimed;
  }

  async storeDownloadedAttachments(
    manager: EntityManager,
    messageId: string,
    attachmentsJson: string,
    stillPending: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE message SET attachments = $2::jsonb, media_pending = $3, media_claimed_at = CASE WHEN $3 THEN media_claimed_at ELSE NULL END
        WHERE id = $1`,
      [messageId, attachmentsJson, stillPending],
    );
  }

  /**
   * Clears text, search text, raw payload and edit history of the messages `m` matching `where`;
   * attachments keep only their type and are marked erased.
   */
  async anonymize(manager: EntityManager, where: string, params: unknown[]): Promise<AnonymizedCounts> {
    const [counts] = await manager.query(
      `WITH erased AS (
         UPDATE message m SET text = NULL, search_text = '', raw = NULL, edit_history = '[]'::jsonb, media_pending = false,
           -- A channel's refusal may quote the recipient (number, name): only its code stays, for the failure statistics.
           delivery_error = CASE WHEN m.delivery_error IS NULL THEN NULL ELSE jsonb_build_object('code', m.delivery_error->'code') END,
           attachments = (SELECT coalesce(jsonb_agg(jsonb_build_object('type', e->'type', 'mimeType', e->'mimeType', 'downloadState', 'erased')), '[]'::jsonb)
                          FROM jsonb_array_elements(m.attachments) e)
         WHERE ${where}
         RETURNING jsonb_array_length(m.attachments) AS attachments)
       SELECT count(*)::int AS messages, coalesce(sum(attachments), 0)::int AS attachments FROM erased`,
      params,
    );
    return counts;
  }
}
