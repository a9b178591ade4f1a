import type { EntityManager } from 'typeorm';
import { CommitBuffer } from '@civic/database';
import { publishLiveEvent, LiveEventName } from '@civic/live-events';
import { normalizeTags } from './conversation-tags';

interface TaggedConversation {
  organizationId: string;
  /** The tags as read in this transaction; null: read them again (something else wrote them). */
  stored: string[] | null;
  /** Tags the transaction's rules added, in order: appended at commit. */
  added: string[];
}

type Tagged = Map<string, TaggedConversation>;

const buffer = new CommitBuffer<Tagged>(() => new Map(), flush);

/** One update for every conversation whose tags the transaction's rules added to, and one live event per organization. */
async function flush(manager: EntityManager, tagged: Tagged): Promise<void> {
  const rows = [...tagged]
    .filter(([, t]) => t.added.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, t]) => ({ id, organization_id: t.organizationId, added: t.added }));
  if (rows.length === 0) {
    return;
  }
  // Appended, not overwritten: a tag an officer changed meanwhile stays as the officer left it.
  await manager.query(
    `UPDATE conversation c
        SET tags = c.tags || ARRAY(SELECT t FROM unnest(v.added) WITH ORDINALITY AS u(t, n) WHERE t <> ALL(c.tags) ORDER BY n)
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, organization_id uuid, added text[])
      WHERE c.organization_id = v.organization_id AND c.id = v.id`,
    [JSON.stringify(rows)],
  );
  const byOrganization = new Map<string, string[]>();
  for (const row of rows) {
    byOrganization.set(row.organization_id, [...(byOrganization.get(row.organization_id) ?? []), row.id]);
  }
  for (const [organizationId, conversationIds] of byOrganization) {
    await publishLiveEvent(manager, {
      type: LiveEventName.ConversationUpdated,
      organizationId,
      conversationIds,
      change: 'tags',
    });
  }
}

/**
 * Tags that automation rules add, held until the transaction commits: a scanner batch fires rules
 * hundreds of times, and a savepoint, a locked read, an update and a live event per tag action were
 * most of the rules' cost. Rules see the tags they added at once (`current`), the conversation is
 * written once at commit.
 */
export const ConversationTagBuffer = {
  open(manager: EntityManager): boolean {
    return buffer.open(manager);
  },

  isOpen(manager: EntityManager): boolean {
    return buffer.state(manager) !== undefined;
  },

  /** The conversation's tags as this transaction sees them, the buffered additions included; null: no such conversation. */
  async current(manager: EntityManager, organizationId: string, conversationId: string): Promise<string[] | null> {
    const tagged = buffer.state(manager);
    let entry = tagged?.get(conversationId);
    if (!entry || entry.stored === null) {
      const [row]: { tags: string[] }[] = await manager.query(
        `SELECT tags FROM conversation WHERE organization_id = $1 AND id = $2`,
        [organizationId, conversationId],
      );
      if (!row) {
        return null;
      }
      entry = { organizationId, stored: row.tags, added: entry?.added ?? [] };
      tagged?.set(conversationId, entry);
    }
    return normalizeTags([...(entry.stored ?? []), ...entry.added]);
  },

  /** Tags read with other data in this transaction (a scanner batch's subjects): `current` need not read them. */
  prime(manager: EntityManager, organizationId: string, conversationId: string, stored: string[]): void {
    const tagged = buffer.state(manager);
    if (tagged && !tagged.get(conversationId)?.stored) {
      tagged.set(conversationId, { organizationId, stored, added: tagged.get(conversationId)?.added ?? [] });
    }
  },

  /** Merges buffered additions into tags read from the database in this transaction. */
  withAdded(manager: EntityManager, conversationId: string, stored: string[]): string[] {
    const added = buffer.state(manager)?.get(conversationId)?.added ?? [];
    return added.length > 0 ? normalizeTags([...stored, ...added]) : stored;
  },

  /** Adds tags (after `current`): written at commit. */
  add(manager: EntityManager, organizationId: string, conversationId: string, tags: string[]): void {
    const tagged = buffer.state(manager);
    if (!tagged) {
      throw new Error('ConversationTagBuffer.add outside a buffering transaction');
    }
    const entry = tagged.get(conversationId) ?? { organizationId, stored: null, added: [] };
    entry.added = normalizeTags([...entry.added, ...tags]);
    tagged.set(conversationId, entry);
  },

  /** Something wrote the conversation's tags directly: read them again next time (the additions stay). */
  forget(manager: EntityManager, conversationId: string): void {
    const entry = buffer.state(manager)?.get(conversationId);
    if (entry) {
      entry.stored = null;
    }
  },
};
