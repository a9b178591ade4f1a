import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DispatchClaimSelects, QueuedReplyValues, RemovedSentEcho } from './message-store.types';

/**
 * The `message` table's statements of an officer's reply on its way out: queued, claimed by a
 * dispatcher, failed or sent (its channel id and echoes). Same contract as MessageStore.
 */
@Injectable()
export class MessageDispatchStore {
  /** A reply written by an officer, queued for the dispatcher. */
  async insertQueuedReply(manager: EntityManager, r: QueuedReplyValues): Promise<{ id: string; sent_at: Date }> {
    const [message] = await manager.query(
      `WITH ins AS (
         INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind, text, search_text,
                              attachments, parent_message_id, parent_external_id, contact_id, author_user_id, sent_at, delivery_state, raw)
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16::jsonb)
         RETURNING id, sent_at, conversation_id, direction, author_user_id
       ), first_response AS (
         -- The conversation's first response, for the inbox statistics (see MessageStore); an automatic
         -- message to the citizen (no author) is not one.
         UPDATE conversation c SET first_response_at = ins.sent_at, first_response_user_id = ins.author_user_id
           FROM ins
          WHERE c.id = ins.conversation_id AND ins.direction = 'out' AND ins.author_user_id IS NOT NULL
            AND c.first_inbound_at < ins.sent_at
            AND (c.first_response_at IS NULL OR c.first_response_at > ins.sent_at)
          RETURNING c.id
       )
       SELECT id, sent_at FROM ins`,
      [
        r.organizationId,
        r.channel,
        r.channelAccountId,
        r.conversationId,
        r.direction,
        r.kind,
        r.text,
        r.searchText,
        JSON.stringify(r.attachments),
        r.parentMessageId,
        r.parentExternalId,
        r.contactId,
        r.authorUserId,
        r.sentAt,
        r.deliveryState,
        JSON.stringify(r.raw),
      ],
    );
    return message;
  }

  /** Claims a queued reply for this worker; returns it with its account, conversation and target (undefined if not claimable). */
  async claimForDispatch<T>(
    manager: EntityManager,
    messageId: string,
    workerLeaseId: string | null,
    selects: DispatchClaimSelects,
  ): Promise<T | undefined> {
    const [rows] = await manager.query(
      `UPDATE message m SET dispatch_claimed_at = now(), dispatch_claimed_by = $2
         FROM channel_account a
        WHERE m.id = $1 AND a.id = m.channel_account_id AND m.direction = 'out' AND m.external_id IS NULL
          AND m.delivery_state = 'queued' AND m.dispatch_claimed_at IS NULL
        RETURNING m.id, m.organization_id, m.channel, m.channel_account_id, m.conversation_id, m.text, m.attachments,
                  m.raw, a.status AS account_status, a.paused_until, a.send_rate_per_second,
                  a.external_id AS account_external_id, a.handle AS account_handle, a.credentials_encrypted AS account_credentials,
                  a.cursors AS account_cursors, a.sandbox AS account_sandbox, a.last_error IS NOT NULL AS account_has_error,
                  (SELECT row_to_json(r) FROM (${selects.conversation} WHERE c.id = m.conversation_id AND c.organization_id = m.organization_id) r) AS conversation,
                  (SELECT row_to_json(r) FROM (${selects.target} WHERE t.id = m.parent_message_id) r) AS target`,
      [messageId, workerLeaseId],
    );
    return rows[0];
  }

  async releaseDispatchClaim(manager: EntityManager, messageId: string): Promise<void> {
    await manager.query(
      `UPDATE message SET dispatch_claimed_at = NULL, dispatch_claimed_by = NULL WHERE id = $1 AND external_id IS NULL`,
      [messageId],
    );
  }

  async markSendFailed(manager: EntityManager, messageId: string, errorJson: string): Promise<void> {
    await manager.query(
      `UPDATE message SET delivery_state = 'failed', delivery_error = $2::jsonb, delivery_updated_at = now() WHERE id = $1 AND external_id IS NULL`,
      [messageId, errorJson],
    );
  }

  /**
   * Removes echoes of sent replies ingested first as their own rows: the row with the accepted
   * message's channel id, and rows naming the reply by its tag. `sentJson`: [{id, organization_id,
   * channel, channel_account_id, external_id}].
   */
  deleteEchoesOfSentReplies(manager: EntityManager, sentJson: string): Promise<RemovedSentEcho[]> {
    return manager.query(
      `WITH s AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, organization_id uuid, channel text, channel_account_id uuid, external_id text)
       ), echo AS (
         SELECT s.id AS reply_id, m.id, m.external_id = s.external_id AS same_message
           FROM s, LATERAL (SELECT m.id, m.external_id FROM message m
                             WHERE m.organization_id = s.organization_id AND m.channel = s.channel
                               AND m.channel_account_id = s.channel_account_id AND m.external_id = s.external_id AND m.id <> s.id
                            UNION
                            SELECT m.id, m.external_id FROM message m WHERE m.echo_of_reply_id = s.id AND m.id <> s.id) m
       ), gone AS (
         DELETE FROM message e USING echo WHERE e.id = echo.id
         RETURNING echo.reply_id, echo.same_message, e.conversation_id, e.delivery_state
       )
       SELECT * FROM gone`,
      [sentJson],
    );
  }

  /** Stores the channel's results of sent replies. `resultsJson`: [{id, external_id, part_external_ids, delivery_state, response}]. */
  async recordSendResults(manager: EntityManager, resultsJson: string): Promise<void> {
    await manager.query(
      `UPDATE message m SET external_id = s.external_id, part_external_ids = s.part_external_ids, delivery_state = s.delivery_state,
              delivery_updated_at = now(), raw = COALESCE(m.raw, '{}'::jsonb) || jsonb_build_object('response', s.response)
         FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, external_id text, part_external_ids text[], delivery_state text, response jsonb)
        WHERE m.id = s.id`,
      [resultsJson],
    );
  }
}
