import type { MessageEvent } from '@civic/channels-core';
import type { MessageAttachment } from '@civic/domain';
import { isDownloadable } from '@civic/domain';
import type { AccountRef } from './ingest-touched';

/** A citizen's stored profile, as far as ingest needs it to decide whether to rewrite it. */
export interface KnownContact {
  id: string;
  name: string | null;
  handle: string | null;
  phone: string | null;
  lastSeenAt: Date | null;
}

export interface LookupResult {
  account: AccountRef;
  /** Set when the message is already stored (a redelivery). */
  messageId: string | null;
  conversationId: string | null;
  /** For a new message: its citizen and thread as already stored, if they are. */
  contact: KnownContact | null;
  threadConversationId: string | null;
  /** For an event that follows its parent's thread (followsParent): the stored parent's conversation. */
  parentThread?: { conversationId: string; key: string } | null;
}

export type PendingMessage = { index: number; event: MessageEvent; account: AccountRef; known: LookupResult };
/** What a batch of new messages needs written before the messages themselves. */
export interface IngestPlan {
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

/** Last seen is kept to the day: refreshing it on every message rewrote an active citizen's row per batch. */
const LAST_SEEN_RESOLUTION_MS = 24 * 3600 * 1000;

const PREVIEW_LENGTH = 280;

/**
 * Decides, from the lookup, which citizens must be written (new, or their profile changed) and
 * which threads must be opened; everything else already has its id.
 */
export function planMessages(items: PendingMessage[]): IngestPlan {
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
      if (!prior || prior.event.occurredAt <= item.event.occurredAt) {
        contacts.set(contactKey, item);
      }
    }
    const threadKey = `${item.account.id}|${item.event.thread.key}`;
    if (item.known.threadConversationId) {
      conversationIds.set(threadKey, item.known.threadConversationId);
    } else {
      const prior = threads.get(threadKey);
      if (!prior) {
        threads.set(threadKey, { ...item, firstAt: item.event.occurredAt });
      } else if (item.event.occurredAt < prior.firstAt) {
        prior.firstAt = item.event.occurredAt;
      }
    }
  }
  // Contacts written by this batch win over a stale id from the lookup.
  for (const key of contacts.keys()) {
    contactIds.delete(key);
  }
  const inBatch = new Set(items.map((i) => `${i.account.id}|${i.event.externalId}`));
  const parentInBatch = items.some(
    (i) => i.event.parentExternalId && inBatch.has(`${i.account.id}|${i.event.parentExternalId}`),
  );
  return {
    items,
    contacts: [...contacts.values()],
    conversations: [...threads.values()],
    contactIds,
    conversationIds,
    parentInBatch,
  };
}

/** Whether storing this event would change the stored citizen (a new name, handle, phone, or a new day). */
function profileChanges(stored: KnownContact, event: MessageEvent): boolean {
  const { name, handle, phone } = event.contact;
  if (name != null && name !== stored.name) {
    return true;
  }
  if (handle != null && handle !== stored.handle) {
    return true;
  }
  if (phone != null && phone !== stored.phone) {
    return true;
  }
  return !stored.lastSeenAt || event.occurredAt.getTime() > stored.lastSeenAt.getTime() + LAST_SEEN_RESOLUTION_MS;
}

export function withDownloadState(attachments: MessageAttachment[] | undefined): MessageAttachment[] {
  return (attachments ?? []).map((a) =>
    isDownloadable(a) && !a.mediaAssetId ? { ...a, downloadState: 'pending' } : a,
  );
}

export function searchableText(event: MessageEvent): string {
  const parts = [event.text ?? ''];
  for (const a of event.attachments ?? []) {
    if (a.caption) {
      parts.push(a.caption);
    }
    if (a.location?.name) {
      parts.push(a.location.name);
    }
    if (a.location?.address) {
      parts.push(a.location.address);
    }
    if (a.contact?.name) {
      parts.push(a.contact.name);
    }
  }
  return parts.join(' ');
}

export function previewOf(event: MessageEvent): string | null {
  const text = event.text ?? event.attachments?.find((a) => a.caption)?.caption ?? null;
  if (text) {
    return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  }
  const first = event.attachments?.[0];
  return first ? `[${first.type}]` : null;
}
