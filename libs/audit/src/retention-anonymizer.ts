import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { returningRows } from '@civic/database';
import { foldForSearch } from '@civic/domain';
import { MessageStore } from '@civic/messages';
import { PERSONAL_TEXT_KEYS } from './personal-text';

/** What replaces a citizen's name once their personal data is erased. */
export const ANONYMOUS_CITIZEN = 'Anonim vatandaş';

/** What replaces free text (case descriptions, notes, history notes) that may quote an erased citizen. */
export const ERASED_TEXT = '[Kişisel veri silindi / personal data erased]';

// Mention fields that carry the author's identity or words, as copied into digests and notification payloads.
const MENTION_POST_ERASED = { authorHandle: null, authorName: ANONYMOUS_CITIZEN, text: null, url: null };

/** Rows of the records around the messages, anonymized in one transaction. */
export interface RecordCounts {
  cases: number;
  caseHistory: number;
  caseForwards: number;
  internalNotes: number;
  mentions: number;
}

/** The anonymizing statements of retention and erasure: messages (through their store), records around them, conversations, contacts. */
@Injectable()
export class RetentionAnonymizer {
  constructor(private readonly messages: MessageStore) {}

  /**
   * Clears text, search text, raw payload and edit history; attachments keep only their type and are
   * marked erased (captions, file names, location pins, contact cards and stored-media links go).
   * Stored idempotent reply answers and updates waiting for these messages are deleted.
   */
  async anonymizeMessages(
    manager: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<{ messages: number; attachments: number; media: string[] }> {
    const media: Array<{ sha256: string }> = await manager.query(
      `SELECT DISTINCT e->>'mediaAssetId' AS sha256 FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) e
       WHERE ${where} AND e->>'mediaAssetId' IS NOT NULL`,
      params,
    );
    const { messages, attachments } = await this.messages.anonymize(manager, where, params);
    // A replayable reply answer repeats the reply's text; an edit still waiting for its message would write words back.
    await manager.query(
      `DELETE FROM reply_idempotency_key k USING message m WHERE k.message_id = m.id AND ${where}`,
      params,
    );
    await manager.query(
      `DELETE FROM deferred_message_update d USING message m
       WHERE (d.reply_message_id = m.id OR (d.channel_account_id = m.channel_account_id AND d.external_id = m.external_id)) AND ${where}`,
      params,
    );
    return { messages, attachments, media: media.map((row) => row.sha256) };
  }

  /**
   * The records around a citizen's messages. Cases: description, location, photos (their stored media
   * too, when nothing else refers to it), resolution text and rejection reason; their history keeps
   * who did what and when, without the texts and locations; forward and e-mail outbox rows keep their
   * target and status, not the case text, location, photos or note. Internal notes on the conversations
   * are replaced, and so are automatic messages' texts and satisfaction comments; notes on other threads where a `quoted` citizen wrote lose their name, handle and
   * number. Mentions lose author and text, in stored digests and notification payloads as well.
   */
  async anonymizeRecords(
    manager: EntityManager,
    scope: {
      caseWhere: string;
      caseParams: unknown[];
      conversationIds: string[];
      mentionWhere: string;
      mentionParams: unknown[];
      quoted?: {
        organizationId: string;
        contactId: string;
        name: string | null;
        handle: string | null;
        phone: string | null;
      };
    },
  ): Promise<RecordCounts & { media: string[] }> {
    const cases: Array<{ id: string }> = await manager.query(
      `SELECT k.id FROM civic_case k WHERE ${scope.caseWhere}`,
      scope.caseParams,
    );
    const caseIds = cases.map((row) => row.id);
    const media: Array<{ sha256: string }> = await manager.query(
      `SELECT DISTINCT p->>'mediaAssetId' AS sha256 FROM civic_case k CROSS JOIN LATERAL jsonb_array_elements(k.photos) p
       WHERE k.id = ANY($1::uuid[]) AND p->>'mediaAssetId' IS NOT NULL`,
      [caseIds],
    );
    await manager.query(
      `UPDATE civic_case SET description = CASE WHEN description IS NULL THEN NULL ELSE $2 END, latitude = NULL, longitude = NULL,
         location_label = NULL, photos = '[]'::jsonb, resolution_text = CASE WHEN resolution_text IS NULL THEN NULL ELSE $2 END,
         rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE $2 END,
         citizen_name = NULL, citizen_phone = NULL, citizen_email = NULL
       WHERE id = ANY($1::uuid[])`,
      [caseIds, ERASED_TEXT],
    );
    const caseHistory = await count(
      manager.query(
        `UPDATE case_history SET before = CASE WHEN before IS NULL THEN NULL ELSE before - $2::text[] END,
         after = CASE WHEN after IS NULL THEN NULL ELSE after - $2::text[] END, note = CASE WHEN note IS NULL THEN NULL ELSE $3 END
       WHERE case_id = ANY($1::uuid[]) RETURNING id`,
        [caseIds, PERSONAL_TEXT_KEYS, ERASED_TEXT],
      ),
    );
    // The e-mail text of outbox rows repeats description, location and note: rewritten without them.
    // An external body's error answer may echo the case it was sent: replaced too.
    const caseForwards = await count(
      manager.query(
        `UPDATE case_forward SET last_error = CASE WHEN last_error IS NULL THEN NULL ELSE $2 END, payload = (payload - 'note')
         || jsonb_build_object('case', (payload->'case') - 'description' - 'location' - 'photos'
              || jsonb_build_object('description', NULL, 'location', NULL, 'photos', '[]'::jsonb))
         || CASE WHEN payload ? 'email' THEN jsonb_build_object('email', jsonb_build_object('subject', payload->'email'->'subject', 'body', $2::text)) ELSE '{}'::jsonb END
       WHERE case_id = ANY($1::uuid[]) RETURNING id`,
        [caseIds, ERASED_TEXT],
      ),
    );
    // Automatic messages repeat the resolution, rejection reason and the citizen's name; a satisfaction answer is their own words.
    await manager.query(
      `UPDATE citizen_notice SET values = '{}'::jsonb, text = CASE WHEN text IS NULL THEN NULL ELSE $3 END
        WHERE conversation_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])`,
      [scope.conversationIds, caseIds, ERASED_TEXT],
    );
    await manager.query(
      `UPDATE case_satisfaction SET comment = CASE WHEN comment IS NULL THEN NULL ELSE $2 END WHERE case_id = ANY($1::uuid[])`,
      [caseIds, ERASED_TEXT],
    );
    // The department's "not solved" e-mail quotes the citizen; its address is the department's and stays.
    await manager.query(
      `UPDATE case_citizen_mail SET body = $2, last_error = CASE WHEN last_error IS NULL THEN NULL ELSE $2 END
        WHERE case_id = ANY($1::uuid[])`,
      [caseIds, ERASED_TEXT],
    );
    let internalNotes = await count(
      manager.query(
        `UPDATE internal_note SET text = $2 WHERE conversation_id = ANY($1::uuid[]) AND text <> $2 RETURNING id`,
        [scope.conversationIds, ERASED_TEXT],
      ),
    );
    if (scope.quoted) {
      // Public threads the citizen wrote in stay (other people's words), but notes there may name them.
      const { organizationId, contactId, name, handle, phone } = scope.quoted;
      const needles = [name, handle ? `@${handle}` : null, handle, phone, phone?.replace(/^\+/, '')].filter(
        (value): value is string => !!value && value.length >= 3,
      );
      if (needles.length > 0) {
        internalNotes += await count(
          manager.query(
            `UPDATE internal_note n SET text = regexp_replace(n.text, $3, $4, 'gi')
           WHERE n.organization_id = $1 AND NOT (n.conversation_id = ANY($5::uuid[])) AND n.text ~* $3
             AND EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = n.conversation_id AND m.contact_id = $2)
           RETURNING n.id`,
            [organizationId, contactId, needles.map(escapeRegExp).join('|'), ANONYMOUS_CITIZEN, scope.conversationIds],
          ),
        );
      }
    }
    const mentions: Array<{ id: string }> = await manager
      .query(
        `UPDATE mention mn SET author_external_id = NULL, author_name = $${scope.mentionParams.length + 1}, author_handle = NULL, text = NULL,
         search_text = '', url = NULL, author_followers = NULL
       WHERE ${scope.mentionWhere} RETURNING mn.id`,
        [...scope.mentionParams, ANONYMOUS_CITIZEN],
      )
      .then(returningRows<{ id: string }>);
    const mentionIds = mentions.map((row) => row.id);
    if (mentionIds.length > 0) {
      // Daily digests (and the notifications that carried them) list top posts with author and text.
      const scrub = (
        column: string,
      ) => `jsonb_set(${column}, '{topPosts}', (SELECT coalesce(jsonb_agg(CASE WHEN p->>'id' = ANY($1::text[]) THEN p || $2::jsonb ELSE p END ORDER BY i), '[]'::jsonb)
        FROM jsonb_array_elements(${column}->'topPosts') WITH ORDINALITY e(p, i)))`;
      const touches = (column: string) =>
        `jsonb_typeof(${column}->'topPosts') = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(${column}->'topPosts') p WHERE p->>'id' = ANY($1::text[]))`;
      await manager.query(`UPDATE mention_digest SET payload = ${scrub('payload')} WHERE ${touches('payload')}`, [
        mentionIds,
        JSON.stringify(MENTION_POST_ERASED),
      ]);
      await manager.query(`UPDATE mention_notification SET payload = ${scrub('payload')} WHERE ${touches('payload')}`, [
        mentionIds,
        JSON.stringify(MENTION_POST_ERASED),
      ]);
    }
    return {
      cases: caseIds.length,
      caseHistory,
      caseForwards,
      internalNotes,
      mentions: mentionIds.length,
      media: media.map((row) => row.sha256),
    };
  }

  /** Direct threads are keyed on the citizen's channel id (a WhatsApp number): re-keyed; previews dropped; marked erased. */
  async anonymizeConversations(
    manager: EntityManager,
    organizationId: string,
    ids: string[],
    reason: string,
  ): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await manager.query(
      `UPDATE conversation SET last_message_preview = NULL, thread_key = CASE WHEN kind = 'direct' THEN 'anon:' || id ELSE thread_key END
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await manager.query(
      `INSERT INTO conversation_erasure (conversation_id, organization_id, reason, erased_at)
       SELECT id, $2, $3, greatest(now(), last_activity_at) FROM conversation WHERE id = ANY($1::uuid[])
       ON CONFLICT (conversation_id) DO UPDATE SET reason = EXCLUDED.reason, erased_at = EXCLUDED.erased_at`,
      [ids, organizationId, reason],
    );
  }

  /** Name, handle, phone and channel user id replaced; returns how many contacts still held personal data. */
  async anonymizeContacts(manager: EntityManager, ids: string[], extraWhere = ''): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const rows: unknown[] = await manager
      .query(
        `UPDATE contact ct SET name = $2, handle = NULL, phone = NULL, search_text = $3, channel_user_id = 'anon:' || ct.id
       WHERE ct.id = ANY($1::uuid[]) AND ct.channel_user_id <> 'anon:' || ct.id ${extraWhere}
       RETURNING ct.id`,
        [ids, ANONYMOUS_CITIZEN, foldForSearch(ANONYMOUS_CITIZEN)],
      )
      .then(returningRows<{ id: string }>);
    return rows.length;
  }
}

async function count(result: Promise<unknown>): Promise<number> {
  return returningRows(await result).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
