import { createHash } from 'node:crypto';
import { AuditService, textFingerprint } from '@civic/audit';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '@civic/database';
import { ConversationKind, DeliveryState, foldForSearch, isDownloadable, MessageAttachment, MessageDirection } from '@civic/domain';
import { DeleteEvent, EditEvent, MessageEvent, NormalizedEvent, StatusEvent, WatermarkStatusEvent } from '@civic/channels-core';
import { IDS_PER_NOTIFY, LIVE_EVENTS_CHANNEL, LiveEventName, publishLiveEvent } from '@civic/live-events';
import { decodeEvents, encodeEvents } from './event-json.codec';
import { adoptEchoesOfInterruptedReply, REPLY_INTERRUPTED, replyReconciledAudit } from './interrupted-reply';
import { validateEvent } from './event-validator';
import { countOutcomes, IngestEventResult, IngestReport } from './ingest-report';
import { INGEST_METRICS, IngestMetrics } from './ingest-metrics';

interface AccountRef {
  id: string;
  organizationId: string;
}

/** A citizen's stored profile, as far as ingest needs it to decide whether to rewrite it. */
interface KnownContact {
  id: string;
  name: string | null;
  handle: string | null;
  phone: string | null;
  lastSeenAt: Date | null;
}

interface LookupResult {
  account: AccountRef;
  /** Set when the message is already stored (a redelivery). */
  messageId: string | null;
  conversationId: string | null;
  /** For a new message: its citizen and thread as already stored, if they are. */
  contact: KnownContact | null;
  threadConversationId: string | null;
}

type UpdateEvent = EditEvent | DeleteEvent | StatusEvent | WatermarkStatusEvent;
/** A message an update changed (RETURNING id, conversation_id). */
type UpdatedMessage = { id: string; conversation_id: string };

type PendingMessage = { index: number; event: MessageEvent; account: AccountRef; known: LookupResult };
/** What a batch of new messages needs written before the messages themselves. */
interface IngestPlan {
  items: PendingMessage[];
  /** Citizens new to us or whose profile changed (the latest event of each). */
  contacts: PendingMessage[];
  /** Threads to open, with the earliest time seen in the batch. */
  conversations: (PendingMessage & { firstAt: Date })[];
  /** `${accountId}|${channelUserId}` → contact id, complete once contacts are written. */
  contactIds: Map<string, string>;
  /** `${accountId}|${threadKey}` → conversation id, complete once threads are opened. */
  conversationIds: Map<string, string>;
  /** A message whose parent arrives in the same batch (resolved after the insert). */
  parentInBatch: boolean;
}

type Touched = Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>;

/** Last seen is kept to the day: refreshing it on every message rewrote an active citizen's row per batch. */
const LAST_SEEN_RESOLUTION_MS = 24 * 3600 * 1000;

/** SQL rank of delivery states: an update only applies when it moves forward. */
const STATE_RANK_SQL = (column: string) =>
  `array_position(ARRAY['queued','sent','failed','delivered','read']::text[], ${column})`;

const PREVIEW_LENGTH = 280;

/** First look for the message of a deferred update; each later look waits twice as long, up to the cap. */
const DEFERRED_FIRST_CHECK_SECONDS = 1;
const DEFERRED_MAX_CHECK_SECONDS = 600;

/** SQL: the message (of the account in scope) lists `externalId` among the other parts of its reply. */
const PART_OF_REPLY = (externalId: string) => `part_external_ids @> ARRAY[${externalId}]::text[]`;

/**
 * SQL: deferred update `d` can be applied: its message is stored (or a reply lists it as one of its
 * parts), or it is a status naming our reply (reply_message_id) and that reply's send is now known
 * to have been interrupted.
 */
const DEFERRED_UPDATE_READY = `(EXISTS (SELECT 1 FROM message m WHERE m.organization_id = d.organization_id AND m.channel = d.channel
  AND m.channel_account_id = d.channel_account_id AND m.external_id = d.external_id)
  OR EXISTS (SELECT 1 FROM message p WHERE p.channel_account_id = d.channel_account_id AND p.${PART_OF_REPLY('d.external_id')})
  OR (d.reply_message_id IS NOT NULL AND EXISTS (SELECT 1 FROM message r WHERE r.id = d.reply_message_id
  AND r.organization_id = d.organization_id AND r.channel_account_id = d.channel_account_id AND ${REPLY_INTERRUPTED('r')})))`;

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Optional() @Inject(INGEST_METRICS) private readonly metrics?: IngestMetrics,
  ) {}

  async ingest(events: NormalizedEvent[]): Promise<IngestReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(events);
      } catch (error) {
        // Two batches writing the same citizens or threads in a different order can deadlock;
        // PostgreSQL aborts one of them as a whole, so running it again is safe.
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= MAX_DEADLOCK_ATTEMPTS) throw error;
        this.logger.warn(`Ingest batch of ${events.length} event(s) deadlocked; retrying (attempt ${attempt + 1})`);
      }
    }
  }

  private async ingestOnce(events: NormalizedEvent[]): Promise<IngestReport> {
    const results: IngestEventResult[] = new Array(events.length);
    const checked: { index: number; event: NormalizedEvent }[] = [];
    events.forEach((event, index) => {
      const problem = validateEvent(event);
      if (problem) results[index] = { outcome: 'rejected', reason: problem };
      else checked.push({ index, event });
    });

    const known = await this.lookup(checked.map((c) => c.event));
    const messages: PendingMessage[] = [];
    const updates: { index: number; event: UpdateEvent; account: AccountRef }[] = [];
    checked.forEach(({ index, event }, i) => {
      const found = known[i];
      if (!found) {
        results[index] = { outcome: 'unknown_account', reason: `no connected ${event.channel} account ${event.accountExternalId}` };
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
      const result = await this.echoOfReply(item, touched);
      if (!result) continue;
      results[item.index] = result;
      messages.splice(messages.indexOf(item), 1);
    }
    if (messages.length > 0 || updates.length > 0) {
      const plan = this.planMessages(messages);
      if (updates.length === 0 && plan.contacts.length === 0 && plan.conversations.length === 0 && !plan.parentInBatch) {
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
          for (const { index, event, account } of updates) results[index] = await this.applyUpdate(manager, event, account, changed);
          await this.notifyChanged(manager, changed);
          mergeTouched(touched, changed);
        });
      }
    }

    for (const item of messages) {
      if (!item.event.replyId || results[item.index]?.outcome !== 'stored') continue;
      // The reply's send may have been found interrupted since echoOfReply looked (a late redelivery):
      // then this echo is folded into it now (see adoptEchoesOfInterruptedReply).
      const folded = await adoptEchoesOfInterruptedReply(this.dataSource, this.audit, item.event.replyId);
      if (folded) results[item.index] = { outcome: 'updated', messageId: item.event.replyId, conversationId: folded.conversationId };
    }

    const unknownAccounts = results.filter((r) => r.outcome === 'unknown_account').length;
    if (unknownAccounts > 0) this.logger.warn(`${unknownAccounts} event(s) for accounts that are not connected were skipped`);
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
    if (events.length === 0) return found;
    const asMessage = (e: NormalizedEvent) => (e.type === 'message' ? e : null);
    const rows: {
      idx: string; account_id: string; organization_id: string; message_id: string | null; conversation_id: string | null;
      contact_id: string | null; contact_name: string | null; contact_handle: string | null; contact_phone: string | null; contact_last_seen_at: Date | null;
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
          ? { id: r.contact_id, name: r.contact_name, handle: r.contact_handle, phone: r.contact_phone, lastSeenAt: r.contact_last_seen_at }
          : null,
        threadConversationId: r.thread_conversation_id,
      };
    }
    return found;
  }

  /**
   * Decides, from the lookup, which citizens must be written (new, or their profile changed) and
   * which threads must be opened; everything else already has its id.
   */
  private planMessages(items: PendingMessage[]): IngestPlan {
    const contactIds = new Map<string, string>();
    const conversationIds = new Map<string, string>();
    const contacts = new Map<string, PendingMessage>();
    const threads = new Map<string, PendingMessage & { firstAt: Date }>();
    for (const item of items) {
      const contactKey = `${item.account.id}|${item.event.contact.externalId}`;
      const stored = item.known.contact;
      if (stored && !profileChanges(stored, item.event)) {
        contactIds.set(contactKey, stored.id);
      } else {
        // The latest event in the batch carries the freshest profile.
        const prior = contacts.get(contactKey);
        if (!prior || prior.event.occurredAt <= item.event.occurredAt) contacts.set(contactKey, item);
      }
      const threadKey = `${item.account.id}|${item.event.thread.key}`;
      if (item.known.threadConversationId) {
        conversationIds.set(threadKey, item.known.threadConversationId);
      } else {
        const prior = threads.get(threadKey);
        if (!prior) threads.set(threadKey, { ...item, firstAt: item.event.occurredAt });
        else if (item.event.occurredAt < prior.firstAt) prior.firstAt = item.event.occurredAt;
      }
    }
    // Contacts written by this batch win over a stale id from the lookup.
    for (const key of contacts.keys()) contactIds.delete(key);
    const inBatch = new Set(items.map((i) => `${i.account.id}|${i.event.externalId}`));
    const parentInBatch = items.some((i) => i.event.parentExternalId && inBatch.has(`${i.account.id}|${i.event.parentExternalId}`));
    return { items, contacts: [...contacts.values()], conversations: [...threads.values()], contactIds, conversationIds, parentInBatch };
  }

  /**
   * One statement inserts the new messages (parents resolved from stored messages), moves their
   * conversations' counters, preview, last activity and reply window, and announces them on
   * commit; duplicates (ON CONFLICT) touch nothing.
   */
  private async insertMessages(manager: EntityManager, plan: IngestPlan, results: IngestEventResult[], touched: Touched): Promise<void> {
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
      rows.push({ ...item, contactId: plan.contactIds.get(`${item.account.id}|${item.event.contact.externalId}`)!, conversationId });
    }

    const inserted: { id: string; channel_account_id: string; external_id: string }[] = await manager.query(
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
        rows.map((r) => r.account.organizationId),
        rows.map((r) => r.event.channel),
        rows.map((r) => r.account.id),
        rows.map((r) => r.conversationId),
        rows.map((r) => r.event.externalId),
        rows.map((r) => r.event.direction),
        rows.map((r) => r.event.kind),
        rows.map((r) => r.event.text ?? null),
        rows.map((r) => foldForSearch(searchableText(r.event))),
        rows.map((r) => JSON.stringify(withDownloadState(r.event.attachments))),
        rows.map((r) => r.event.parentExternalId ?? null),
        rows.map((r) => r.contactId),
        rows.map((r) => r.event.occurredAt.toISOString()),
        // Outbound messages seen on the channel (echoes, polls) were sent by definition.
        rows.map((r) => (r.event.direction === MessageDirection.Outbound ? DeliveryState.Sent : null)),
        rows.map((r) => (r.event.raw === undefined ? null : JSON.stringify(r.event.raw))),
        rows.map((r) => previewOf(r.event)),
        rows.map((r) => r.event.replyWindowExpiresAt?.toISOString() ?? null),
        // The worker downloads these at once (libs/media): channel media URLs expire within minutes.
        rows.map((r) => (r.event.attachments ?? []).some(isDownloadable)),
        LIVE_EVENTS_CHANNEL,
        // An echo of our reply stored before the reply has its channel id; folded into it later.
        rows.map((r) => r.event.replyId ?? null),
      ],
    );

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
        await manager.query(
          `UPDATE message m SET parent_message_id = (
              SELECT p.id FROM message p
               WHERE p.organization_id = m.organization_id AND p.channel = m.channel
                 AND p.channel_account_id = m.channel_account_id AND p.external_id = m.parent_external_id
               LIMIT 1)
            WHERE m.id = ANY($1::uuid[]) AND m.parent_message_id IS NULL`,
          [orphans],
        );
      }
    }
  }

  /** Inserts new citizens and refreshes changed profiles; fills plan.contactIds. */
  private async upsertContacts(manager: EntityManager, plan: IngestPlan): Promise<void> {
    const list = plan.contacts;
    if (list.length === 0) return;
    const params = [
      list.map((c) => c.account.organizationId),
      list.map((c) => c.account.id),
      list.map((c) => c.event.channel),
      list.map((c) => c.event.contact.externalId),
      list.map((c) => c.event.contact.name ?? null),
      list.map((c) => c.event.contact.handle ?? null),
      list.map((c) => c.event.contact.phone ?? null),
      list.map((c) => foldForSearch([c.event.contact.name, c.event.contact.handle, c.event.contact.phone].filter(Boolean).join(' '))),
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
    for (const r of rows) plan.contactIds.set(`${r.channel_account_id}|${r.channel_user_id}`, r.id);
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
    if (list.length === 0) return;
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
            ? plan.contactIds.get(`${c.account.id}|${c.event.contact.externalId}`) ?? null
            : null,
        ),
        list.map((c) => c.firstAt.toISOString()),
      ],
    );
    for (const r of rows) plan.conversationIds.set(`${r.channel_account_id}|${r.thread_key}`, r.id);
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
    if (missing.length === 0) return;
    const rows: { id: string; a: string; k: string }[] = await manager.query(sql, [missing.map(([a]) => a), missing.map(([, k]) => k)]);
    for (const r of rows) ids.set(`${r.a}|${r.k}`, r.id);
  }

  private async applyUpdate(manager: EntityManager, event: UpdateEvent, account: AccountRef, touched: Touched): Promise<IngestEventResult> {
    const rows = await this.runUpdate(manager, event, account);
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
            after: event.type === 'edit' ? { ...textFingerprint(event.text), at: event.occurredAt.toISOString() } : { at: event.occurredAt.toISOString() },
          },
          manager,
        );
      }
      const t = touchedFor(touched, account.organizationId);
      for (const r of rows) t.conversationIds.add(r.conversation_id);
      return { outcome: 'updated', messageId: rows[0].id, conversationId: rows[0].conversation_id };
    }
    if (event.type === 'status_watermark') return { outcome: 'unchanged' };
    // Nothing changed: either the message is unknown or the update was already applied (or older).
    // An earlier part of a reply sent as several messages counts as known: the reply follows its last message.
    const [known] = await manager.query(
      `(SELECT id, conversation_id FROM message WHERE organization_id = $1 AND channel = $2 AND channel_account_id = $3 AND external_id = $4)
       UNION ALL
       (SELECT id, conversation_id FROM message WHERE channel_account_id = $3 AND ${PART_OF_REPLY('$4')} LIMIT 1)
       LIMIT 1`,
      [account.organizationId, event.channel, account.id, event.externalId],
    );
    if (known) return { outcome: 'unchanged', messageId: known.id, conversationId: known.conversation_id };
    if (event.type === 'status' && event.replyId) {
      const reconciled = await this.reconcileInterruptedReply(manager, event, account);
      if (reconciled) {
        touchedFor(touched, account.organizationId).conversationIds.add(reconciled.conversation_id);
        return { outcome: 'updated', messageId: reconciled.id, conversationId: reconciled.conversation_id };
      }
    }
    await this.defer(manager, event, account);
    return { outcome: 'deferred', reason: `no message ${event.externalId} on this account yet; applied when it arrives` };
  }

  /**
   * A status (or an echo) that names our reply (`replyId`, handed back by the channel) while no message
   * has its channel id: if that reply's send was interrupted, the channel did get it. The reply takes
   * the channel's id and this state, so its later statuses apply as usual. A reply still being sent is
   * left to its worker (the status waits until the worker stores the id); the channel and account must match.
   */
  private async reconcileInterruptedReply(
    manager: EntityManager, event: Pick<StatusEvent, 'channel' | 'externalId' | 'replyId' | 'state' | 'error' | 'occurredAt'>, account: AccountRef,
  ): Promise<UpdatedMessage | null> {
    const [row] = returningRows<UpdatedMessage>(
      await manager.query(
        `UPDATE message m SET external_id = $4, delivery_state = $6, delivery_error = $7::jsonb, delivery_updated_at = $8
          WHERE m.id = $5 AND m.organization_id = $1 AND m.channel = $2 AND m.channel_account_id = $3 AND ${REPLY_INTERRUPTED('m')}
          RETURNING m.id, m.conversation_id`,
        [account.organizationId, event.channel, account.id, event.externalId, event.replyId, event.state,
          event.error ? JSON.stringify(event.error) : null, event.occurredAt.toISOString()],
      ),
    );
    if (!row) return null;
    await this.audit.record(
      replyReconciledAudit({ id: row.id, organizationId: account.organizationId, channel: event.channel }, { externalId: event.externalId, deliveryState: event.state }),
      manager,
    );
    return row;
  }

  /**
   * The channel's echo of our reply (it names the reply through the tag on the send) when that reply
   * needs no new row: its send was interrupted, so the echo proves the channel got it and the reply
   * takes the echo's id, state sent; or the reply has its channel id already, so this echoes another
   * part of it (media sent before the text). Null otherwise (the reply is still being sent, or is not
   * ours): the echo is stored, marked as the reply's.
   */
  private async echoOfReply(item: PendingMessage, touched: Touched): Promise<IngestEventResult | null> {
    const { event, account } = item;
    return this.dataSource.transaction(async (manager) => {
      const [reply]: { id: string; conversation_id: string; external_id: string | null }[] = await manager.query(
        `SELECT r.id, r.conversation_id, r.external_id FROM message r
          WHERE r.id = $1 AND r.organization_id = $2 AND r.channel = $3 AND r.channel_account_id = $4 AND r.direction = 'out'
          FOR UPDATE`,
        [event.replyId, account.organizationId, event.channel, account.id],
      );
      if (!reply) return null;
      if (reply.external_id) return { outcome: 'duplicate', messageId: reply.id, conversationId: reply.conversation_id };
      const reconciled = await this.reconcileInterruptedReply(
        manager, { ...event, replyId: reply.id, state: DeliveryState.Sent, error: null }, account,
      );
      if (!reconciled) return null;
      const changed: Touched = new Map();
      touchedFor(changed, account.organizationId).conversationIds.add(reconciled.conversation_id);
      await this.notifyChanged(manager, changed);
      mergeTouched(touched, changed);
      return { outcome: 'updated', messageId: reconciled.id, conversationId: reconciled.conversation_id };
    });
  }

  /**
   * Keeps an update whose message is not stored yet, for `applyDeferredUpdates`; the same update twice
   * is kept once. Without the channel's raw payload: applying an update never reads it, and it may
   * name the citizen (a status's recipient number), which erasure cannot reach here.
   */
  private async defer(manager: EntityManager, event: EditEvent | DeleteEvent | StatusEvent, account: AccountRef): Promise<void> {
    const { raw: _raw, ...kept } = event;
    const json = encodeEvents([kept as NormalizedEvent]);
    await manager.query(
      `INSERT INTO deferred_message_update (organization_id, channel_account_id, channel, external_id, reply_message_id, event, event_key, next_check_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))
       ON CONFLICT (channel_account_id, external_id, event_key) DO NOTHING`,
      [account.organizationId, account.id, event.channel, event.externalId, event.type === 'status' ? (event.replyId ?? null) : null,
        json, createHash('sha256').update(json).digest('hex'), DEFERRED_FIRST_CHECK_SECONDS],
    );
  }

  /**
   * Applies deferred updates whose message has arrived since, oldest first (two edits keep their
   * order), and removes them in the same transaction; those still waiting are looked at again after
   * a pause that doubles each time. Callers run one at a time (see DeferredUpdateSweeper).
   * Returns how many were applied.
   */
  async applyDeferredUpdates(limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; organization_id: string; channel_account_id: string; event: string }[] = await manager.query(
        `SELECT d.id::text AS id, d.organization_id, d.channel_account_id, d.event::text AS event
           FROM deferred_message_update d
          WHERE d.next_check_at <= now()
            AND ${DEFERRED_UPDATE_READY}
          ORDER BY d.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const changed: Touched = new Map();
      const events: NormalizedEvent[] = [];
      const results: IngestEventResult[] = [];
      for (const row of rows) {
        const [event] = decodeEvents(row.event) as UpdateEvent[];
        events.push(event);
        results.push(await this.applyUpdate(manager, event, { id: row.channel_account_id, organizationId: row.organization_id }, changed));
      }
      if (rows.length > 0) {
        await manager.query(`DELETE FROM deferred_message_update WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
        await this.notifyChanged(manager, changed);
        this.metrics?.record(events, summarize(results, changed));
      }
      if (rows.length < limit) {
        await manager.query(
          `UPDATE deferred_message_update d
              SET checks = d.checks + 1, next_check_at = now() + make_interval(secs => least($1, $2 * 2 ^ least(d.checks + 1, 20)))
            WHERE d.next_check_at <= now()
              AND NOT ${DEFERRED_UPDATE_READY}`,
          [DEFERRED_MAX_CHECK_SECONDS, DEFERRED_FIRST_CHECK_SECONDS],
        );
      }
      return rows.length;
    });
  }

  /** Whether a deferred update is due for a look (one probe of the next_check_at index). */
  async deferredUpdatesDue(): Promise<boolean> {
    const [{ due }] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM deferred_message_update WHERE next_check_at <= now()) AS due`);
    return due;
  }

  /** Drops deferred updates kept longer than `hours` (their message never came); counted as unknown_message. */
  async expireDeferredUpdates(hours: number): Promise<number> {
    const rows = returningRows<{ event: string }>(await this.dataSource.query(
      `DELETE FROM deferred_message_update d
        WHERE d.deferred_at < now() - make_interval(hours => $1)
          AND NOT ${DEFERRED_UPDATE_READY}
        RETURNING d.event::text AS event`,
      [hours],
    ));
    if (rows.length > 0) {
      const events = rows.flatMap((r) => decodeEvents(r.event));
      this.metrics?.record(events, summarize(events.map(() => ({ outcome: 'unknown_message' as const })), new Map()));
    }
    return rows.length;
  }

  private runUpdate(manager: EntityManager, event: UpdateEvent, account: AccountRef): Promise<UpdatedMessage[]> {
    const key = [account.organizationId, event.channel, account.id];
    const where = `organization_id = $1 AND channel = $2 AND channel_account_id = $3`;
    if (event.type === 'edit') {
      // The earlier text goes into the history; replaying the same edit changes nothing, and an
      // older edit arriving after a newer one (a redelivery) does not bring its text back. Facebook
      // gives edit times in whole seconds: a second edit within the same second applies unless its
      // text was already replaced at that time (a replay of the first). A message
      // anonymized by retention or erasure (its conversation erased after it was stored, or its
      // citizen erased) stays so.
      return manager.query(
        `UPDATE message SET
            edit_history = edit_history || jsonb_build_array(jsonb_build_object('text', text, 'editedAt', $6::timestamptz)),
            text = $5, search_text = $7, edited = true
          WHERE ${where} AND external_id = $4 AND text IS DISTINCT FROM $5
            AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(edit_history) h
                             WHERE (h->>'editedAt')::timestamptz > $6::timestamptz
                                OR ((h->>'editedAt')::timestamptz = $6::timestamptz AND h->>'text' IS NOT DISTINCT FROM $5))
            AND NOT EXISTS (SELECT 1 FROM conversation_erasure e WHERE e.conversation_id = message.conversation_id AND e.erased_at >= message.received_at)
            AND NOT EXISTS (SELECT 1 FROM contact ct WHERE ct.id = message.contact_id AND ct.channel_user_id = 'anon:' || ct.id)
          RETURNING id, conversation_id`,
        [...key, event.externalId, event.text, event.occurredAt.toISOString(), foldForSearch(event.text)],
      ).then(returningRows<UpdatedMessage>);
    }
    if (event.type === 'delete') {
      return manager.query(
        `UPDATE message SET deleted = true, deleted_at = $5 WHERE ${where} AND external_id = $4 AND NOT deleted
          RETURNING id, conversation_id`,
        [...key, event.externalId, event.occurredAt.toISOString()],
      ).then(returningRows<UpdatedMessage>);
    }
    if (event.type === 'status') {
      return manager.query(
        `UPDATE message SET delivery_state = $5, delivery_error = $6::jsonb, delivery_updated_at = $7
          WHERE ${where} AND external_id = $4 AND direction = 'out'
            AND COALESCE(${STATE_RANK_SQL('delivery_state')}, 0) < ${STATE_RANK_SQL('$5::text')}
          RETURNING id, conversation_id`,
        [...key, event.externalId, event.state, event.error ? JSON.stringify(event.error) : null, event.occurredAt.toISOString()],
      ).then(returningRows<UpdatedMessage>);
    }
    return manager.query(
      `UPDATE message m SET delivery_state = $5, delivery_updated_at = $6
         FROM conversation c
        WHERE c.channel_account_id = $3 AND c.thread_key = $4 AND m.conversation_id = c.id
          AND m.organization_id = $1 AND m.channel = $2 AND m.direction = 'out' AND m.sent_at <= $6
          AND COALESCE(${STATE_RANK_SQL('m.delivery_state')}, 0) < ${STATE_RANK_SQL('$5::text')}
        RETURNING m.id, m.conversation_id`,
      [...key, event.threadKey, event.state, event.occurredAt.toISOString()],
    ).then(returningRows<UpdatedMessage>);
  }

  /** Announce updated conversations, delivered to listeners (live updates, other processes) on commit. */
  private async notifyChanged(manager: EntityManager, touched: Touched): Promise<void> {
    for (const [organizationId, t] of touched) {
      await publishLiveEvent(manager, { type: LiveEventName.ConversationsChanged, organizationId, conversationIds: [...t.conversationIds], newMessages: 0 });
    }
  }
}

function touchedFor(touched: Touched, organizationId: string) {
  let t = touched.get(organizationId);
  if (!t) touched.set(organizationId, (t = { conversationIds: new Set(), newMessageIds: [] }));
  return t;
}

function mergeTouched(into: Touched, from: Touched): void {
  for (const [organizationId, t] of from) {
    const target = touchedFor(into, organizationId);
    for (const id of t.conversationIds) target.conversationIds.add(id);
    target.newMessageIds.push(...t.newMessageIds);
  }
}

/** Whether storing this event would change the stored citizen (a new name, handle, phone, or a new day). */
function profileChanges(stored: KnownContact, event: MessageEvent): boolean {
  const { name, handle, phone } = event.contact;
  if (name != null && name !== stored.name) return true;
  if (handle != null && handle !== stored.handle) return true;
  if (phone != null && phone !== stored.phone) return true;
  return !stored.lastSeenAt || event.occurredAt.getTime() > stored.lastSeenAt.getTime() + LAST_SEEN_RESOLUTION_MS;
}

function withDownloadState(attachments: MessageAttachment[] | undefined): MessageAttachment[] {
  return (attachments ?? []).map((a) => (isDownloadable(a) && !a.mediaAssetId ? { ...a, downloadState: 'pending' } : a));
}

function searchableText(event: MessageEvent): string {
  const parts = [event.text ?? ''];
  for (const a of event.attachments ?? []) {
    if (a.caption) parts.push(a.caption);
    if (a.location?.name) parts.push(a.location.name);
    if (a.location?.address) parts.push(a.location.address);
    if (a.contact?.name) parts.push(a.contact.name);
  }
  return parts.join(' ');
}

function previewOf(event: MessageEvent): string | null {
  const text = event.text ?? event.attachments?.find((a) => a.caption)?.caption ?? null;
  if (text) return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  const first = event.attachments?.[0];
  return first ? `[${first.type}]` : null;
}

function summarize(results: IngestEventResult[], touched: Touched): IngestReport {
  return {
    results,
    ...countOutcomes(results),
    touched: [...touched].map(([organizationId, t]) => ({ organizationId, conversationIds: [...t.conversationIds], newMessageIds: t.newMessageIds })),
  };
}
