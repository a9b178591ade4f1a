import type { EntityManager } from 'typeorm';
import { CommitBuffer } from '@civic/database';
import type { TextReadings } from './message-readings.provider';

/** One inbound message's readings, waiting for the scanner transaction's commit. */
export interface MessageReadingRow extends TextReadings {
  messageId: string;
  organizationId: string;
  conversationId: string;
  sentAt: Date;
}

const buffer = new CommitBuffer<MessageReadingRow[]>(() => [], writeReadings);

/**
 * The batch's readings in one insert, and one update of their conversations: the latest message's
 * language and sentiment, and an urgent message marks the conversation urgent until it is answered.
 */
export async function writeReadings(manager: EntityManager, rows: MessageReadingRow[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await manager.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(message_id uuid, organization_id uuid, conversation_id uuid,
              sent_at timestamptz, language text, language_confidence real, sentiment text, sentiment_score real,
              sentiment_cues text[], urgent boolean, urgency_terms text[], suggested_category text,
              suggestion_confidence real, suggestion_words text[])),
     written AS (
       INSERT INTO message_reading (message_id, organization_id, conversation_id, language, language_confidence, sentiment,
              sentiment_score, sentiment_cues, urgent, urgency_terms, suggested_category, suggestion_confidence, suggestion_words)
       SELECT message_id, organization_id, conversation_id, language, language_confidence, sentiment, sentiment_score,
              sentiment_cues, urgent, urgency_terms, suggested_category, suggestion_confidence, suggestion_words FROM r
       ON CONFLICT (message_id, organization_id) DO NOTHING RETURNING message_id),
     latest AS (
       SELECT DISTINCT ON (r.conversation_id) r.conversation_id, r.organization_id, r.language, r.sentiment
         FROM r ORDER BY r.conversation_id, r.sent_at DESC, r.message_id DESC),
     urgent AS (
       SELECT r.conversation_id, min(r.sent_at) AS since, array_agg(DISTINCT t) AS terms
         FROM r, unnest(r.urgency_terms) AS t WHERE r.urgent GROUP BY r.conversation_id)
     UPDATE conversation c
        SET language = l.language, sentiment = l.sentiment,
            urgent_since = CASE WHEN u.conversation_id IS NULL THEN c.urgent_since ELSE coalesce(c.urgent_since, u.since) END,
            urgency_terms = CASE WHEN u.conversation_id IS NULL THEN c.urgency_terms
                                 ELSE ARRAY(SELECT DISTINCT x FROM unnest(c.urgency_terms || u.terms) AS x) END
       FROM latest l LEFT JOIN urgent u ON u.conversation_id = l.conversation_id
      WHERE c.organization_id = l.organization_id AND c.id = l.conversation_id`,
    [
      JSON.stringify(
        rows.map((r) => ({
          message_id: r.messageId,
          organization_id: r.organizationId,
          conversation_id: r.conversationId,
          sent_at: r.sentAt.toISOString(),
          language: r.language,
          language_confidence: r.languageConfidence,
          sentiment: r.sentiment,
          sentiment_score: r.sentimentScore,
          sentiment_cues: r.sentimentCues,
          urgent: r.urgent,
          urgency_terms: r.urgencyTerms,
          suggested_category: r.suggestedCategory,
          suggestion_confidence: r.suggestionConfidence,
          suggestion_words: r.suggestionWords,
        })),
      ),
    ],
  );
}

/** Readings held until the scanner's transaction commits (one insert per batch instead of one per message). */
export const MessageReadingBuffer = {
  /** Held (true), or false: outside a transaction, the caller writes it now. */
  add(manager: EntityManager, row: MessageReadingRow): boolean {
    if (!buffer.open(manager)) {
      return false;
    }
    buffer.state(manager)!.push(row);
    return true;
  },

  /** A reading made earlier in this transaction, not yet written (rules read the message's language). */
  find(manager: EntityManager, messageId: string): MessageReadingRow | undefined {
    return buffer.state(manager)?.find((r) => r.messageId === messageId);
  },
};
