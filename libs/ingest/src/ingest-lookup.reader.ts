import type { DataSource } from 'typeorm';
import type { NormalizedEvent } from '@civic/channels-core';
import type { LookupResult } from './ingest-plan';

/** The batch's read before any write: connected accounts, stored messages, known citizens and threads. */
export class IngestLookupReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One round trip for the whole batch: the connected account of each event and, for messages,
   * whether it is already stored (so a replayed batch needs no transaction at all) and, if not,
   * its citizen and thread as stored (so a known citizen in a known thread costs no write).
   */
  async lookup(events: NormalizedEvent[]): Promise<(LookupResult | undefined)[]> {
    const found: (LookupResult | undefined)[] = new Array(events.length);
    if (events.length === 0) {
      return found;
    }
    const asMessage = (e: NormalizedEvent) => (e.type === 'message' ? e : null);
    const rows: {
      idx: string;
      account_id: string;
      organization_id: string;
      message_id: string | null;
      conversation_id: string | null;
      contact_id: string | null;
      contact_name: string | null;
      contact_handle: string | null;
      contact_phone: string | null;
      contact_last_seen_at: Date | null;
      thread_conversation_id: string | null;
      parent_thread_key: string | null;
      parent_conversation_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT k.idx, a.id AS account_id, a.organization_id, m.id AS message_id, m.conversation_id,
              ct.id AS contact_id, ct.name AS contact_name, ct.handle AS contact_handle, ct.phone AS contact_phone,
              ct.last_seen_at AS contact_last_seen_at, th.id AS thread_conversation_id,
              pt.thread_key AS parent_thread_key, pt.id AS parent_conversation_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              WITH ORDINALITY AS k(channel, account_external_id, message_external_id, contact_external_id, thread_key, parent_external_id, idx)
         JOIN channel_account a ON a.channel = k.channel AND a.external_id = k.account_external_id AND a.status <> 'disabled'
         -- One probe of each unique key per event, whatever the table statistics say (a fresh or
         -- never-analyzed table must not turn this into a scan of the account's messages); the
         -- LIMITs keep the planner from flattening the probes into hash joins.
         LEFT JOIN LATERAL (
           SELECT m.id, m.conversation_id FROM message m
            WHERE k.message_external_id IS NOT NULL AND m.organization_id = a.organization_id
              AND m.channel = a.channel AND m.channel_account_id = a.id AND m.external_id = k.message_external_id
            LIMIT 1) m ON true
         LEFT JOIN LATERAL (
           SELECT c.id, c.name, c.handle, c.phone, c.last_seen_at FROM contact c
            WHERE m.id IS NULL AND c.channel_account_id = a.id AND c.channel_user_id = k.contact_external_id LIMIT 1) ct ON true
         LEFT JOIN LATERAL (
           SELECT c.id FROM conversation c
            WHERE m.id IS NULL AND c.channel_account_id = a.id AND c.thread_key = k.thread_key LIMIT 1) th ON true
         -- The account's own comment joins the thread of the comment it answers (followsParent).
         LEFT JOIN LATERAL (
           SELECT c.id, c.thread_key FROM message p JOIN conversation c ON c.id = p.conversation_id
            WHERE m.id IS NULL AND k.parent_external_id IS NOT NULL AND p.organization_id = a.organization_id
              AND p.channel = a.channel AND p.channel_account_id = a.id AND p.external_id = k.parent_external_id
            LIMIT 1) pt ON true`,
      [
        events.map((e) => e.channel),
        events.map((e) => e.accountExternalId),
        events.map((e) => asMessage(e)?.externalId ?? null),
        events.map((e) => asMessage(e)?.contact.externalId ?? null),
        events.map((e) => asMessage(e)?.thread.key ?? null),
        events.map((e) => (asMessage(e)?.thread.followsParent ? (asMessage(e)?.parentExternalId ?? null) : null)),
      ],
    );
    for (const r of rows) {
      found[Number(r.idx) - 1] = {
        account: { id: r.account_id, organizationId: r.organization_id },
        messageId: r.message_id,
        conversationId: r.conversation_id,
        contact: r.contact_id
          ? {
              id: r.contact_id,
              name: r.contact_name,
              handle: r.contact_handle,
              phone: r.contact_phone,
              lastSeenAt: r.contact_last_seen_at,
            }
          : null,
        threadConversationId: r.thread_conversation_id,
        parentThread:
          r.parent_conversation_id && r.parent_thread_key
            ? { conversationId: r.parent_conversation_id, key: r.parent_thread_key }
            : null,
      };
    }
    return found;
  }
}
