import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConversationKind, DeliveryState, foldForSearch, MessageDirection } from '@civic/domain';
import { DeleteEvent, EditEvent, MessageEvent, NormalizedEvent, StatusEvent, WatermarkStatusEvent } from '@civic/channels-core';
import { validateEvent } from './event-validator';
import { IngestEventResult, IngestReport } from './ingest-report';
import { LIVE_EVENTS_CHANNEL } from './live-events';

interface AccountRef {
  id: string;
  organizationId: string;
}

/** SQL rank of delivery states: an update only applies when it moves forward. */
const STATE_RANK_SQL = (column: string) =>
  `array_position(ARRAY['queued','sent','failed','delivered','read']::text[], ${column})`;

const PREVIEW_LENGTH = 280;

/**
 * Stores normalized events idempotently: upsert contacts, find or open conversations, insert each
 * message once, apply edits, deletes and delivery states. One transaction per batch and a fixed
 * number of statements per batch (not per event), in plain SQL because this is the hot path.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(private readonly dataSource: DataSource) {}

  async ingest(events: NormalizedEvent[]): Promise<IngestReport> {
    const results: IngestEventResult[] = new Array(events.length);
    const accounts = await this.resolveAccounts(events);

    const valid: { index: number; event: NormalizedEvent; account: AccountRef }[] = [];
    events.forEach((event, index) => {
      const problem = validateEvent(event);
      if (problem) {
        results[index] = { outcome: 'rejected', reason: problem };
        return;
      }
      const account = accounts.get(accountKey(event.channel, event.accountExternalId));
      if (!account) {
        results[index] = { outcome: 'unknown_account', reason: `no connected ${event.channel} account ${event.accountExternalId}` };
        return;
      }
      valid.push({ index, event, account });
    });

    const touched = new Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>();
    if (valid.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        const messages = valid.filter((v) => v.event.type === 'message') as { index: number; event: MessageEvent; account: AccountRef }[];
        if (messages.length > 0) await this.storeMessages(manager, messages, results, touched);
        for (const { index, event, account } of valid) {
          if (event.type === 'message') continue;
          results[index] = await this.applyUpdate(manager, event, account, touched);
        }
        await this.notify(manager, touched);
      });
    }

    const unknownAccounts = results.filter((r) => r.outcome === 'unknown_account').length;
    if (unknownAccounts > 0) this.logger.warn(`${unknownAccounts} event(s) for accounts that are not connected were skipped`);
    return summarize(results, touched);
  }

  private async resolveAccounts(events: NormalizedEvent[]): Promise<Map<string, AccountRef>> {
    const keys = new Map<string, { channel: string; externalId: string }>();
    for (const e of events) {
      if (e && typeof e.accountExternalId === 'string' && typeof e.channel === 'string') {
        keys.set(accountKey(e.channel, e.accountExternalId), { channel: e.channel, externalId: e.accountExternalId });
      }
    }
    const map = new Map<string, AccountRef>();
    if (keys.size === 0) return map;
    const list = [...keys.values()];
    const rows: { id: string; organization_id: string; channel: string; external_id: string }[] = await this.dataSource.query(
      `SELECT a.id, a.organization_id, a.channel, a.external_id
         FROM channel_account a
         JOIN unnest($1::text[], $2::text[]) AS k(channel, external_id)
           ON a.channel = k.channel AND a.external_id = k.external_id
        WHERE a.status <> 'disabled'`,
      [list.map((k) => k.channel), list.map((k) => k.externalId)],
    );
    for (const r of rows) map.set(accountKey(r.channel, r.external_id), { id: r.id, organizationId: r.organization_id });
    return map;
  }

  private async storeMessages(
    manager: EntityManager,
    items: { index: number; event: MessageEvent; account: AccountRef }[],
    results: IngestEventResult[],
    touched: Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>,
  ): Promise<void> {
    const contactIds = await this.upsertContacts(manager, items);
    const conversationIds = await this.findOrOpenConversations(manager, items, contactIds);

    // Later duplicates inside the same batch are duplicates too; keep the first occurrence.
    const seen = new Set<string>();
    const rows: { index: number; event: MessageEvent; account: AccountRef; contactId: string; conversationId: string }[] = [];
    for (const item of items) {
      const key = `${item.account.id}|${item.event.externalId}`;
      const conversationId = conversationIds.get(`${item.account.id}|${item.event.thread.key}`)!;
      if (seen.has(key)) {
        results[item.index] = { outcome: 'duplicate', conversationId };
        continue;
      }
      seen.add(key);
      rows.push({ ...item, contactId: contactIds.get(`${item.account.id}|${item.event.contact.externalId}`)!, conversationId });
    }

    const inserted: { id: string; channel_account_id: string; external_id: string }[] = await manager.query(
      `INSERT INTO message (organization_id, channel, channel_account_id, conversation_id, external_id, direction, kind,
                            text, search_text, attachments, parent_external_id, contact_id, sent_at, delivery_state, raw)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::uuid[], $13::timestamptz[], $14::text[], $15::jsonb[])
       ON CONFLICT (organization_id, channel, channel_account_id, external_id) DO NOTHING
       RETURNING id, channel_account_id, external_id`,
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
        rows.map((r) => JSON.stringify(r.event.attachments ?? [])),
        rows.map((r) => r.event.parentExternalId ?? null),
        rows.map((r) => r.contactId),
        rows.map((r) => r.event.occurredAt.toISOString()),
        // Outbound messages seen on the channel (echoes, polls) were sent by definition.
        rows.map((r) => (r.event.direction === MessageDirection.Outbound ? DeliveryState.Sent : null)),
        rows.map((r) => (r.event.raw === undefined ? null : JSON.stringify(r.event.raw))),
      ],
    );

    const insertedIds = new Map(inserted.map((r) => [`${r.channel_account_id}|${r.external_id}`, r.id]));
    const newRows = rows.filter((r) => insertedIds.has(`${r.account.id}|${r.event.externalId}`));
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
    if (newRows.length === 0) return;

    const withParent = newRows.filter((r) => r.event.parentExternalId).map((r) => insertedIds.get(`${r.account.id}|${r.event.externalId}`)!);
    if (withParent.length > 0) {
      await manager.query(
        `UPDATE message m SET parent_message_id = p.id
           FROM message p
          WHERE m.id = ANY($1::uuid[]) AND p.organization_id = m.organization_id AND p.channel = m.channel
            AND p.channel_account_id = m.channel_account_id AND p.external_id = m.parent_external_id`,
        [withParent],
      );
    }
    await this.updateConversationActivity(manager, newRows);
  }

  private async upsertContacts(manager: EntityManager, items: { event: MessageEvent; account: AccountRef }[]): Promise<Map<string, string>> {
    const unique = new Map<string, { event: MessageEvent; account: AccountRef }>();
    for (const item of items) {
      // The latest event in the batch carries the freshest profile.
      const key = `${item.account.id}|${item.event.contact.externalId}`;
      const prior = unique.get(key);
      if (!prior || prior.event.occurredAt <= item.event.occurredAt) unique.set(key, item);
    }
    const list = [...unique.values()];
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
    // Insert new contacts and refresh changed profiles; unchanged rows are not rewritten
    // (a replayed batch writes nothing), so they are read back in a second step.
    const written: { id: string; channel_account_id: string; channel_user_id: string }[] = await manager.query(
      `INSERT INTO contact AS c (organization_id, channel_account_id, channel, channel_user_id, name, handle, phone, search_text, last_seen_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       ON CONFLICT (channel_account_id, channel_user_id) DO UPDATE
          SET name = COALESCE(EXCLUDED.name, c.name), handle = COALESCE(EXCLUDED.handle, c.handle),
              phone = COALESCE(EXCLUDED.phone, c.phone), last_seen_at = GREATEST(c.last_seen_at, EXCLUDED.last_seen_at),
              search_text = CASE WHEN EXCLUDED.search_text <> '' THEN EXCLUDED.search_text ELSE c.search_text END
        WHERE (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM c.name)
           OR (EXCLUDED.handle IS NOT NULL AND EXCLUDED.handle IS DISTINCT FROM c.handle)
           OR (EXCLUDED.phone IS NOT NULL AND EXCLUDED.phone IS DISTINCT FROM c.phone)
           OR c.last_seen_at IS NULL OR EXCLUDED.last_seen_at > c.last_seen_at + interval '1 hour'
       RETURNING id, channel_account_id, channel_user_id`,
      params,
    );
    const ids = new Map(written.map((r) => [`${r.channel_account_id}|${r.channel_user_id}`, r.id]));
    const missing = list.filter((c) => !ids.has(`${c.account.id}|${c.event.contact.externalId}`));
    if (missing.length > 0) {
      const existing: { id: string; channel_account_id: string; channel_user_id: string }[] = await manager.query(
        `SELECT c.id, c.channel_account_id, c.channel_user_id
           FROM contact c JOIN unnest($1::uuid[], $2::text[]) AS k(account_id, user_id)
             ON c.channel_account_id = k.account_id AND c.channel_user_id = k.user_id`,
        [missing.map((c) => c.account.id), missing.map((c) => c.event.contact.externalId)],
      );
      for (const r of existing) ids.set(`${r.channel_account_id}|${r.channel_user_id}`, r.id);
    }
    return ids;
  }

  private async findOrOpenConversations(
    manager: EntityManager,
    items: { event: MessageEvent; account: AccountRef }[],
    contactIds: Map<string, string>,
  ): Promise<Map<string, string>> {
    const unique = new Map<string, { event: MessageEvent; account: AccountRef; firstAt: Date }>();
    for (const item of items) {
      const key = `${item.account.id}|${item.event.thread.key}`;
      const prior = unique.get(key);
      if (!prior) unique.set(key, { ...item, firstAt: item.event.occurredAt });
      else if (item.event.occurredAt < prior.firstAt) prior.firstAt = item.event.occurredAt;
    }
    const list = [...unique.values()];
    const inserted: { id: string; channel_account_id: string; thread_key: string }[] = await manager.query(
      `INSERT INTO conversation (organization_id, channel_account_id, channel, kind, thread_key, root_external_id, contact_id, last_activity_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[])
       ON CONFLICT (channel_account_id, thread_key) DO NOTHING
       RETURNING id, channel_account_id, thread_key`,
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
            ? contactIds.get(`${c.account.id}|${c.event.contact.externalId}`) ?? null
            : null,
        ),
        list.map((c) => c.firstAt.toISOString()),
      ],
    );
    const ids = new Map(inserted.map((r) => [`${r.channel_account_id}|${r.thread_key}`, r.id]));
    const missing = list.filter((c) => !ids.has(`${c.account.id}|${c.event.thread.key}`));
    if (missing.length > 0) {
      const existing: { id: string; channel_account_id: string; thread_key: string }[] = await manager.query(
        `SELECT c.id, c.channel_account_id, c.thread_key
           FROM conversation c JOIN unnest($1::uuid[], $2::text[]) AS k(account_id, thread_key)
             ON c.channel_account_id = k.account_id AND c.thread_key = k.thread_key`,
        [missing.map((c) => c.account.id), missing.map((c) => c.event.thread.key)],
      );
      for (const r of existing) ids.set(`${r.channel_account_id}|${r.thread_key}`, r.id);
    }
    return ids;
  }

  /** Counters, last activity, preview and reply window of every conversation that got new messages. */
  private async updateConversationActivity(
    manager: EntityManager,
    newRows: { event: MessageEvent; conversationId: string }[],
  ): Promise<void> {
    const byConversation = new Map<
      string,
      { count: number; inbound: number; lastAt: Date; preview: string | null; lastInboundAt: Date | null; windowUntil: Date | null }
    >();
    for (const { event, conversationId } of newRows) {
      const agg = byConversation.get(conversationId) ?? { count: 0, inbound: 0, lastAt: new Date(0), preview: null, lastInboundAt: null, windowUntil: null };
      agg.count += 1;
      if (event.occurredAt >= agg.lastAt) {
        agg.lastAt = event.occurredAt;
        agg.preview = previewOf(event);
      }
      if (event.direction === MessageDirection.Inbound) {
        agg.inbound += 1;
        if (!agg.lastInboundAt || event.occurredAt > agg.lastInboundAt) agg.lastInboundAt = event.occurredAt;
      }
      if (event.replyWindowExpiresAt && (!agg.windowUntil || event.replyWindowExpiresAt > agg.windowUntil)) agg.windowUntil = event.replyWindowExpiresAt;
      byConversation.set(conversationId, agg);
    }
    const list = [...byConversation.entries()];
    await manager.query(
      `UPDATE conversation c SET
          message_count = c.message_count + v.count,
          unread_count = c.unread_count + v.inbound,
          last_message_preview = CASE WHEN v.last_at >= c.last_activity_at OR c.last_message_preview IS NULL THEN v.preview ELSE c.last_message_preview END,
          last_activity_at = GREATEST(c.last_activity_at, v.last_at),
          last_inbound_at = GREATEST(c.last_inbound_at, v.last_inbound_at),
          reply_window_expires_at = GREATEST(c.reply_window_expires_at, v.window_until),
          -- A citizen writing again reopens a conversation that was resolved or closed.
          status = CASE WHEN v.inbound > 0 AND c.status IN ('resolved', 'closed') THEN 'open' ELSE c.status END
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::text[], $6::timestamptz[], $7::timestamptz[])
              AS v(id, count, inbound, last_at, preview, last_inbound_at, window_until)
        WHERE c.id = v.id`,
      [
        list.map(([id]) => id),
        list.map(([, a]) => a.count),
        list.map(([, a]) => a.inbound),
        list.map(([, a]) => a.lastAt.toISOString()),
        list.map(([, a]) => a.preview),
        list.map(([, a]) => a.lastInboundAt?.toISOString() ?? null),
        list.map(([, a]) => a.windowUntil?.toISOString() ?? null),
      ],
    );
  }

  private async applyUpdate(
    manager: EntityManager,
    event: EditEvent | DeleteEvent | StatusEvent | WatermarkStatusEvent,
    account: AccountRef,
    touched: Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>,
  ): Promise<IngestEventResult> {
    const rows = await this.runUpdate(manager, event, account);
    if (rows.length > 0) {
      const t = touchedFor(touched, account.organizationId);
      for (const r of rows) t.conversationIds.add(r.conversation_id);
      return { outcome: 'updated', messageId: rows[0].id, conversationId: rows[0].conversation_id };
    }
    if (event.type === 'status_watermark') return { outcome: 'unchanged' };
    // Nothing changed: either the message is unknown or the update was already applied (or older).
    const [known] = await manager.query(
      `SELECT id, conversation_id FROM message WHERE organization_id = $1 AND channel = $2 AND channel_account_id = $3 AND external_id = $4`,
      [account.organizationId, event.channel, account.id, event.externalId],
    );
    return known
      ? { outcome: 'unchanged', messageId: known.id, conversationId: known.conversation_id }
      : { outcome: 'unknown_message', reason: `no message ${event.externalId} on this account` };
  }

  private runUpdate(
    manager: EntityManager,
    event: EditEvent | DeleteEvent | StatusEvent | WatermarkStatusEvent,
    account: AccountRef,
  ): Promise<{ id: string; conversation_id: string }[]> {
    const key = [account.organizationId, event.channel, account.id];
    const where = `organization_id = $1 AND channel = $2 AND channel_account_id = $3`;
    if (event.type === 'edit') {
      // The earlier text goes into the history; replaying the same edit changes nothing.
      return manager.query(
        `UPDATE message SET
            edit_history = edit_history || jsonb_build_array(jsonb_build_object('text', text, 'editedAt', $6::timestamptz)),
            text = $5, search_text = $7, edited = true
          WHERE ${where} AND external_id = $4 AND text IS DISTINCT FROM $5
          RETURNING id, conversation_id`,
        [...key, event.externalId, event.text, event.occurredAt.toISOString(), foldForSearch(event.text)],
      ).then(first);
    }
    if (event.type === 'delete') {
      return manager.query(
        `UPDATE message SET deleted = true, deleted_at = $5 WHERE ${where} AND external_id = $4 AND NOT deleted
          RETURNING id, conversation_id`,
        [...key, event.externalId, event.occurredAt.toISOString()],
      ).then(first);
    }
    if (event.type === 'status') {
      return manager.query(
        `UPDATE message SET delivery_state = $5, delivery_error = $6::jsonb, delivery_updated_at = $7
          WHERE ${where} AND external_id = $4 AND direction = 'out'
            AND COALESCE(${STATE_RANK_SQL('delivery_state')}, 0) < ${STATE_RANK_SQL('$5::text')}
          RETURNING id, conversation_id`,
        [...key, event.externalId, event.state, event.error ? JSON.stringify(event.error) : null, event.occurredAt.toISOString()],
      ).then(first);
    }
    return manager.query(
      `UPDATE message m SET delivery_state = $5, delivery_updated_at = $6
         FROM conversation c
        WHERE c.channel_account_id = $3 AND c.thread_key = $4 AND m.conversation_id = c.id
          AND m.organization_id = $1 AND m.channel = $2 AND m.direction = 'out' AND m.sent_at <= $6
          AND COALESCE(${STATE_RANK_SQL('m.delivery_state')}, 0) < ${STATE_RANK_SQL('$5::text')}
        RETURNING m.id, m.conversation_id`,
      [...key, event.threadKey, event.state, event.occurredAt.toISOString()],
    ).then(first);
  }

  /** Announce what changed, delivered to listeners (live updates, other processes) on commit. */
  private async notify(manager: EntityManager, touched: Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>): Promise<void> {
    for (const [organizationId, t] of touched) {
      const ids = [...t.conversationIds];
      // NOTIFY payloads are limited to 8000 bytes; 150 uuids stay well below it.
      for (let i = 0; i < ids.length; i += 150) {
        await manager.query(`SELECT pg_notify($1, $2)`, [
          LIVE_EVENTS_CHANNEL,
          JSON.stringify({ type: 'conversations.changed', organizationId, conversationIds: ids.slice(i, i + 150), newMessages: t.newMessageIds.length }),
        ]);
      }
    }
  }
}

/** UPDATE … RETURNING through TypeORM yields [rows, count]. */
function first(result: unknown): { id: string; conversation_id: string }[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as { id: string; conversation_id: string }[]);
}

function accountKey(channel: string, externalId: string): string {
  return `${channel}|${externalId}`;
}

function touchedFor(touched: Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>, organizationId: string) {
  let t = touched.get(organizationId);
  if (!t) touched.set(organizationId, (t = { conversationIds: new Set(), newMessageIds: [] }));
  return t;
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

function summarize(results: IngestEventResult[], touched: Map<string, { conversationIds: Set<string>; newMessageIds: string[] }>): IngestReport {
  const count = (...outcomes: string[]) => results.filter((r) => outcomes.includes(r.outcome)).length;
  return {
    results,
    stored: count('stored'),
    duplicates: count('duplicate'),
    updated: count('updated'),
    skipped: count('unknown_account', 'unknown_message', 'unchanged'),
    rejected: count('rejected'),
    touched: [...touched].map(([organizationId, t]) => ({ organizationId, conversationIds: [...t.conversationIds], newMessageIds: t.newMessageIds })),
  };
}
