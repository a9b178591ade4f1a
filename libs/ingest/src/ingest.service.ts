import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { NormalizedEvent } from '@civic/channels-core';
import { ConversationKind, DeliveryState, foldForSearch, isDownloadable, MessageDirection } from '@civic/domain';
import { MessageStore } from '@civic/messages';
import { validateEvent } from './event-validator';
import { INGEST_METRICS, IngestMetrics } from './ingest-metrics';
import {
  IngestPlan,
  LookupResult,
  PendingMessage,
  planMessages,
  previewOf,
  searchableText,
  withDownloadState,
} from './ingest-plan';
import { IngestEventResult, IngestReport } from './ingest-report';
import { AccountRef, mergeTouched, notifyChanged, summarize, Touched, touchedFor } from './ingest-touched';
import { MessageUpdateApplier, UpdateEvent } from './message-update.applier';
import { ReplyReconciler } from './reply-reconciler';

const DEADLOCK_DETECTED = '40P01';
const MAX_DEADLOCK_ATTEMPTS = 3;

/**
 * Stores normalized events idempotently: upsert contacts, find or open conversations, insert each
 * message once, apply edits, deletes and delivery states. One transaction per batch and a fixed
 * number of statements per batch (not per event), in plain SQL because this is the hot path.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);
  private readonly replies: ReplyReconciler;
  private readonly updates: MessageUpdateApplier;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
    private readonly messages: MessageStore,
    @Optional() @Inject(INGEST_METRICS) private readonly metrics?: IngestMetrics,
  ) {
    this.replies = new ReplyReconciler(dataSource, audit, messages);
    this.updates = new MessageUpdateApplier(messages, audit, this.replies);
  }

  async ingest(events: NormalizedEvent[]): Promise<IngestReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(events);
      } catch (error) {
        // Two batches writing the same citizens or threads in a different order can deadlock;
        // PostgreSQL aborts one of them as a whole, so running it again is safe.
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= MAX_DEADLOCK_ATTEMPTS) {
          throw error;
        }
        this.logger.warn(`Ingest batch of ${events.length} event(s) deadlocked; retrying (attempt ${attempt + 1})`);
      }
    }
  }

  private async ingestOnce(events: NormalizedEvent[]): Promise<IngestReport> {
    const results: IngestEventResult[] = new Array(events.length);
    const checked: { index: number; event: NormalizedEvent }[] = [];
    events.forEach((event, index) => {
      const problem = validateEvent(event);
      if (problem) {
        results[index] = { outcome: 'rejected', reason: problem };
      } else {
        checked.push({ index, event });
      }
    });

    const known = await this.lookup(checked.map((c) => c.event));
    const messages: PendingMessage[] = [];
    const updates: { index: number; event: UpdateEvent; account: AccountRef }[] = [];
    checked.forEach(({ index, event }, i) => {
      const found = known[i];
      if (!found) {
        results[index] = {
          outcome: 'unknown_account',
          reason: `no connected ${event.channel} account ${event.accountExternalId}`,
        };
      } else if (found.messageId) {
        // Already stored: a redelivery or a replay. Nothing to write.
        results[index] = { outcome: 'duplicate', messageId: found.messageId, conversationId: found.conversationId! };
      } else if (event.type === 'message') {
        messages.push({ index, event, account: found.account, known: found });
      } else {
        updates.push({ index, event, account: found.account });
      }
    });

    const touched: Touched = new Map();
    // Echoes naming our reply: most are stored like any message (the reply's result folds them in).
    for (const item of messages.filter((m) => m.event.replyId)) {
      const result = await this.replies.echoOfReply(item, touched);
      if (!result) {
        continue;
      }
      results[item.index] = result;
      messages.splice(messages.indexOf(item), 1);
    }
    if (messages.length > 0 || updates.length > 0) {
      const plan = planMessages(messages);
      if (
        updates.length === 0 &&
        plan.contacts.length === 0 &&
        plan.conversations.length === 0 &&
        !plan.parentInBatch
      ) {
        // The common case (a citizen writing again in a known thread): one statement, which is
        // its own transaction, stores the messages, moves the counters and notifies.
        await this.insertMessages(this.dataSource.manager, plan, results, touched);
      } else {
        await this.dataSource.transaction(async (manager) => {
          if (messages.length > 0) {
            await this.upsertContacts(manager, plan);
            await this.openConversations(manager, plan);
            await this.insertMessages(manager, plan, results, touched);
          }
          const changed: Touched = new Map();
          for (const { index, event, account } of updates) {
            results[index] = await this.updates.apply(manager, event, account, changed);
          }
          await notifyChanged(manager, changed);
          mergeTouched(touched, changed);
        });
      }
    }

    for (const item of messages) {
      if (!item.event.replyId || results[item.index]?.outcome !== 'stored') {
        continue;
      }
      // The reply's send may have been found interrupted since echoOfReply looked (a late redelivery):
      // then this echo is folded into it now (see adoptEchoesOfInterruptedReply).
      const folded = await this.replies.adoptEchoesOfInterruptedReply(item.event.replyId);
      if (folded) {
        results[item.index] = {
          outcome: 'updated',
          messageId: item.event.replyId,
          conversationId: folded.conversationId,
        };
      }
    }

    const unknownAccounts = results.filter((r) => r.outcome === 'unknown_account').length;
    if (unknownAccounts > 0) {
      this.logger.warn(`${unknownAccounts} event(s) for accounts that are not connected were skipped`);
    }
    const report = summarize(results, touched);
    this.metrics?.record(events, report);
    return report;
  }

  /**
   * One round trip for the whole batch: the connected account of each event and, for messages,
   * whether it is already stored (so a replayed batch needs no transaction at all) and, if not,
   * its citizen and thread as stored (so a known citizen in a known thread costs no write).
   */
  private async lookup(events: NormalizedEvent[]): Promise<(LookupResult | undefined)[]> {
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
    }[] = await this.dataSource.query(
      `SELECT k.idx, a.id AS account_id, a.organization_id, m.id AS message_id, m.conversation_id,
              ct.id AS contact_id, ct.name AS contact_name, ct.handle AS contact_handle, ct.phone AS contact_phone,
              ct.last_seen_at AS contact_last_seen_at, th.id AS thread_conversation_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
              WITH ORDINALITY AS k(channel, account_external_id, message_external_id, contact_external_id, thread_key, idx)
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
            WHERE m.id IS NULL AND c.channel_account_id = a.id AND c.thread_key = k.thread_key LIMIT 1) th ON true`,
      [
        events.map((e) => e.channel),
        events.map((e) => e.accountExternalId),
        events.map((e) => asMessage(e)?.externalId ?? null),
        events.map((e) => asMessage(e)?.contact.externalId ?? null),
        events.map((e) => asMessage(e)?.thread.key ?? null),
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
      };
    }
    return found;
  }

  /**
   * One statement inserts the new messages (parents resolved from stored messages), moves their
   * conversations' counters, preview, last activity and reply window, and announces them on
   * commit; duplicates (ON CONFLICT) touch nothing.
   */
  private async insertMessages(
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
  private async upsertContacts(manager: EntityManager, plan: IngestPlan): Promise<void> {
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
    ];
    // Unchanged rows (a concurrent batch wrote the same profile) are not rewritten, and are read
    // back from the statement's snapshot in the same round trip.
    const rows: { id: string; channel_account_id: string; channel_user_id: string }[] = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
           AS i(organization_id, channel_account_id, channel, channel_user_id, name, handle, phone, search_text, last_seen_at)
       ), written AS (
         INSERT INTO contact AS c (organization_id, channel_account_id, channel, channel_user_id, name, handle, phone, search_text, last_seen_at)
         SELECT * FROM input
         ON CONFLICT (channel_account_id, channel_user_id) DO UPDATE
            SET name = COALESCE(EXCLUDED.name, c.name), handle = COALESCE(EXCLUDED.handle, c.handle),
                phone = COALESCE(EXCLUDED.phone, c.phone), last_seen_at = GREATEST(c.last_seen_at, EXCLUDED.last_seen_at),
                search_text = CASE WHEN EXCLUDED.search_text <> '' THEN EXCLUDED.search_text ELSE c.search_text END
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
  private async openConversations(manager: EntityManager, plan: IngestPlan): Promise<void> {
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
        // A DM thread belongs to its citizen; a public thread to the author of its root, if a citizen wrote it.
        list.map((c) =>
          c.event.thread.kind === ConversationKind.Direct || c.event.thread.rootExternalId === c.event.externalId
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
