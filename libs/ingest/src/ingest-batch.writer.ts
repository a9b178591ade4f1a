import type { EntityManager } from 'typeorm';
import { ConversationKind, DeliveryState, foldForSearch, isDownloadable, MessageDirection } from '@civic/domain';
import type { MessageStore } from '@civic/messages';
import type { IngestPlan, PendingMessage } from './ingest-plan';
import { previewOf, searchableText, withDownloadState } from './ingest-plan';
import type { IngestEventResult } from './ingest-report';
import type { Touched } from './ingest-touched';
import { touchedFor } from './ingest-touched';

/** The batch's writes of new messages, citizens and threads, a fixed number of statements per batch. */
export class IngestBatchWriter {
  constructor(private readonly messages: MessageStore) {}

  /**
   * One statement inserts the new messages (parents resolved from stored messages), moves their
   * conversations' counters, preview, last activity and reply window, and announces them on
   * commit; duplicates (ON CONFLICT) touch nothing.
   */
  async insertMessages(
    manager: EntityManager,
    plan: IngestPlan,
    results: IngestEventResult[],
    touched: Touched,
  ): Promise<void> {
    // Later duplicates inside the same batch are duplicates too; keep the first occurrence.
    const seen = new Set<string>();
    const rows: (PendingMessage & { contactId: string; conversationId: string })[] = [];
    for (const item of plan.items) {
      const key = `${item.account.id}|${item.event.externalId}`;
      const conversationId = plan.conversationIds.get(`${item.account.id}|${item.event.thread.key}`)!;
      if (seen.has(key)) {
        results[item.index] = { outcome: 'duplicate', conversationId };
        continue;
      }
      seen.add(key);
      rows.push({
        ...item,
        contactId: plan.contactIds.get(`${item.account.id}|${item.event.contact.externalId}`)!,
        conversationId,
      });
    }

    const inserted = await this.messages.insertBatchAndTouchConversations(manager, {
      organizationIds: rows.map((r) => r.account.organizationId),
      channels: rows.map((r) => r.event.channel),
      channelAccountIds: rows.map((r) => r.account.id),
      conversationIds: rows.map((r) => r.conversationId),
      externalIds: rows.map((r) => r.event.externalId),
      directions: rows.map((r) => r.event.direction),
      kinds: rows.map((r) => r.event.kind),
      texts: rows.map((r) => r.event.text ?? null),
      searchTexts: rows.map((r) => foldForSearch(searchableText(r.event))),
      attachments: rows.map((r) => JSON.stringify(withDownloadState(r.event.attachments))),
      parentExternalIds: rows.map((r) => r.event.parentExternalId ?? null),
      contactIds: rows.map((r) => r.contactId),
      sentAt: rows.map((r) => r.event.occurredAt.toISOString()),
      // Outbound messages seen on the channel (echoes, polls) were sent by definition.
      deliveryStates: rows.map((r) => (r.event.direction === MessageDirection.Outbound ? DeliveryState.Sent : null)),
      raw: rows.map((r) => (r.event.raw === undefined ? null : JSON.stringify(r.event.raw))),
      previews: rows.map((r) => previewOf(r.event)),
      windowUntil: rows.map((r) => r.event.replyWindowExpiresAt?.toISOString() ?? null),
      // The worker downloads these at once (libs/media): channel media URLs expire within minutes.
      mediaPending: rows.map((r) => (r.event.attachments ?? []).some(isDownloadable)),
      // An echo of our reply stored before the reply has its channel id; folded into it later.
      echoOfReplyIds: rows.map((r) => r.event.replyId ?? null),
    });

    const insertedIds = new Map(inserted.map((r) => [`${r.channel_account_id}|${r.external_id}`, r.id]));
    for (const r of rows) {
      const messageId = insertedIds.get(`${r.account.id}|${r.event.externalId}`);
      results[r.index] = messageId
        ? { outcome: 'stored', messageId, conversationId: r.conversationId }
        : { outcome: 'duplicate', conversationId: r.conversationId };
      if (messageId) {
        const t = touchedFor(touched, r.account.organizationId);
        t.conversationIds.add(r.conversationId);
        t.newMessageIds.push(messageId);
      }
    }

    if (plan.parentInBatch) {
      // A reply that arrived in the same batch as its parent: the parent is visible now.
      const orphans = rows
        .filter((r) => r.event.parentExternalId && insertedIds.has(`${r.account.id}|${r.event.externalId}`))
        .map((r) => insertedIds.get(`${r.account.id}|${r.event.externalId}`)!);
      if (orphans.length > 0) {
        await this.messages.linkParentsArrivedInBatch(manager, orphans);
      }
    }
  }

  /** Inserts new citizens and refreshes changed profiles; fills plan.contactIds. */
  async upsertContacts(manager: EntityManager, plan: IngestPlan): Promise<void> {
    const list = plan.contacts;
    if (list.length === 0) {
      return;
    }
    const params = [
      list.map((c) => c.account.organizationId),
      list.map((c) => c.account.id),
      list.map((c) => c.event.channel),
      list.map((c) => c.event.contact.externalId),
      list.map((c) => c.event.contact.name ?? null),
      list.map((c) => c.event.contact.handle ?? null),
      list.map((c) => c.event.contact.phone ?? null),
      list.map((c) =>
        foldForSearch([c.event.contact.name, c.event.contact.handle, c.event.contact.phone].filter(Boolean).join(' ')),
      ),
      list.map((c) => c.event.occurredAt.toISOString()),
      // Name and picture asked of the channel in the background (ContactProfileWorker), never here.
      list.map((c) => c.event.contact.lookUpProfile === true),
    ];
    // Unchanged rows (a concurrent batch wrote the same profile) are not rewritten, and are read
    // back from the statement's snapshot in the same round trip.
    const rows: { id: string; channel_account_id: string; channel_user_id: string }[] = await manager.query(
      `WITH input AS (
         SELECT i.*, CASE WHEN i.look_up THEN now() END AS profile_due_at
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::boolean[])
           AS i(organization_id, channel_account_id, channel, channel_user_id, name, handle, phone, search_text, last_seen_at, look_up)
       ), written AS (
         INSERT INTO contact AS c (organization_id, channel_account_id, channel, channel_user_id, name, handle, phone, search_text, last_seen_at, profile_due_at)
         SELECT organization_id, channel_account_id, channel, channel_user_id, name, handle, phone, search_text, last_seen_at, profile_due_at FROM input
         ON CONFLICT (channel_account_id, channel_user_id) DO UPDATE
            SET name = COALESCE(EXCLUDED.name, c.name), handle = COALESCE(EXCLUDED.handle, c.handle),
                phone = COALESCE(EXCLUDED.phone, c.phone), last_seen_at = GREATEST(c.last_seen_at, EXCLUDED.last_seen_at),
                -- An event without a name keeps the search text of the name the profile API gave.
                search_text = CASE WHEN EXCLUDED.search_text = '' OR (EXCLUDED.name IS NULL AND c.name IS NOT NULL)
                                   THEN c.search_text ELSE EXCLUDED.search_text END,
                -- A citizen writing again gets a fresh profile once the last is a week old (a failed try: a day).
                profile_due_at = CASE WHEN EXCLUDED.profile_due_at IS NOT NULL AND c.profile_due_at IS NULL
                                       AND (c.profile_fetched_at IS NULL OR c.profile_fetched_at < now() - interval '7 days')
                                       AND (c.profile_checked_at IS NULL OR c.profile_checked_at < now() - interval '1 day')
                                      THEN EXCLUDED.profile_due_at ELSE c.profile_due_at END
          WHERE (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM c.name)
             OR (EXCLUDED.handle IS NOT NULL AND EXCLUDED.handle IS DISTINCT FROM c.handle)
             OR (EXCLUDED.phone IS NOT NULL AND EXCLUDED.phone IS DISTINCT FROM c.phone)
             OR c.last_seen_at IS NULL OR EXCLUDED.last_seen_at > c.last_seen_at + interval '1 day'
         RETURNING id, channel_account_id, channel_user_id
       )
       SELECT id, channel_account_id, channel_user_id FROM written
       UNION ALL
       SELECT c.id, c.channel_account_id, c.channel_user_id
         FROM input i CROSS JOIN LATERAL (
           SELECT c.id, c.channel_account_id, c.channel_user_id FROM contact c
            WHERE c.channel_account_id = i.channel_account_id AND c.channel_user_id = i.channel_user_id) c`,
      params,
    );
    for (const r of rows) {
      plan.contactIds.set(`${r.channel_account_id}|${r.channel_user_id}`, r.id);
    }
    await this.readBackMissing(
      manager,
      plan.contactIds,
      list.map((c) => [c.account.id, c.event.contact.externalId] as const),
      `SELECT c.id, c.channel_account_id AS a, c.channel_user_id AS k FROM contact c
         JOIN unnest($1::uuid[], $2::text[]) AS x(a, k) ON c.channel_account_id = x.a AND c.channel_user_id = x.k`,
    );
  }

  /** Opens the threads the lookup did not find; fills plan.conversationIds. */
  async openConversations(manager: EntityManager, plan: IngestPlan): Promise<void> {
    const list = plan.conversations;
    if (list.length === 0) {
      return;
    }
    const rows: { id: string; channel_account_id: string; thread_key: string }[] = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[])
           AS i(organization_id, channel_account_id, channel, kind, thread_key, root_external_id, contact_id, last_activity_at)
       ), opened AS (
         INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, root_external_id, contact_id, last_activity_at)
         SELECT * FROM input
         ON CONFLICT (channel_account_id, thread_key) DO NOTHING
         RETURNING id, channel_account_id, thread_key
       )
       SELECT id, channel_account_id, thread_key FROM opened
       UNION ALL
       SELECT c.id, c.channel_account_id, c.thread_key
         FROM input i CROSS JOIN LATERAL (
           SELECT c.id, c.channel_account_id, c.thread_key FROM conversation c
            WHERE c.channel_account_id = i.channel_account_id AND c.thread_key = i.thread_key) c`,
      [
        list.map((c) => c.account.organizationId),
        list.map((c) => c.account.id),
        list.map((c) => c.event.channel),
        list.map((c) => c.event.thread.kind),
        list.map((c) => c.event.thread.key),
        list.map((c) => c.event.thread.rootExternalId ?? null),
        // A DM thread and a citizen's comments under a post belong to that citizen; a public thread
        // to the author of its root, if a citizen wrote it.
        list.map((c) =>
          c.event.thread.kind === ConversationKind.Direct ||
          c.event.thread.contactOwned ||
          c.event.thread.rootExternalId === c.event.externalId
            ? (plan.contactIds.get(`${c.account.id}|${c.event.contact.externalId}`) ?? null)
            : null,
        ),
        list.map((c) => c.firstAt.toISOString()),
      ],
    );
    for (const r of rows) {
      plan.conversationIds.set(`${r.channel_account_id}|${r.thread_key}`, r.id);
    }
    await this.readBackMissing(
      manager,
      plan.conversationIds,
      list.map((c) => [c.account.id, c.event.thread.key] as const),
      `SELECT c.id, c.channel_account_id AS a, c.thread_key AS k FROM conversation c
         JOIN unnest($1::uuid[], $2::text[]) AS x(a, k) ON c.channel_account_id = x.a AND c.thread_key = x.k`,
    );
  }

  /**
   * A row committed by a concurrent batch after this statement's snapshot is neither inserted nor
   * visible to it; read those few back with a fresh snapshot.
   */
  private async readBackMissing(
    manager: EntityManager,
    ids: Map<string, string>,
    keys: (readonly [string, string])[],
    sql: string,
  ): Promise<void> {
    const missing = keys.filter(([a, k]) => !ids.has(`${a}|${k}`));
    if (missing.length === 0) {
      return;
    }
    const rows: { id: string; a: string; k: string }[] = await manager.query(sql, [
      missing.map(([a]) => a),
      missing.map(([, k]) => k),
    ]);
    for (const r of rows) {
      ids.set(`${r.a}|${r.k}`, r.id);
    }
  }
}
