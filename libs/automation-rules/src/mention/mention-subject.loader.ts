import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AutomationRuleEvent } from '../automation-rule-event';
import type { RuleSubject } from '../rule-subject';

/** The columns a mention subject is built from (the worker and the dry run read the same). */
export const MENTION_SUBJECT_COLUMNS = `mn.id, mn.organization_id, mn.watchlist_id, w.name AS watchlist_name, mn.channel, mn.author_handle,
  mn.author_name, mn.url, mn.text, mn.search_text, mn.reach, mn.published_at, m.conversation_id, m.channel_account_id,
  s.language`;

/** The mention, its watchlist, and (when it is an inbox message) its message and the contact's language. */
export const MENTION_SUBJECT_FROM = `FROM mention mn
  JOIN mention_watchlist w ON w.id = mn.watchlist_id AND w.organization_id = mn.organization_id
  LEFT JOIN message m ON m.organization_id = mn.organization_id AND m.id = mn.message_id
  LEFT JOIN citizen_contact_state s ON s.organization_id = mn.organization_id AND s.contact_id = m.contact_id`;

export interface MentionSubjectRow {
  id: string;
  organization_id: string;
  watchlist_id: string;
  watchlist_name: string;
  channel: string;
  author_handle: string | null;
  author_name: string | null;
  url: string | null;
  text: string | null;
  search_text: string;
  reach: number | null;
  published_at: Date;
  conversation_id: string | null;
  channel_account_id: string | null;
  language: string | null;
}

/**
 * A mention as rules see it. Keywords read its Turkish-folded text (stored folded at insert), office
 * hours judge its publication time. Message-only facts (photo, location, tags) are not offered for
 * the event and stay empty; the conversation is '' unless the post is an inbox message.
 */
export function mentionSubject(row: MentionSubjectRow): RuleSubject {
  return {
    organizationId: row.organization_id,
    event: AutomationRuleEvent.MentionMatched,
    occurredAt: new Date(row.published_at),
    channel: row.channel,
    channelAccountId: row.channel_account_id ?? '',
    accountOwnerLabel: null,
    conversationId: row.conversation_id ?? '',
    conversationTags: [],
    language: row.language,
    messageId: null,
    messageKind: '',
    contactTags: [],
    mention: {
      id: row.id,
      watchlistId: row.watchlist_id,
      watchlistName: row.watchlist_name,
      authorHandle: row.author_handle,
      authorName: row.author_name,
      url: row.url,
      text: row.text,
      reach: row.reach,
    },
    depth: 0,
    foldedText: row.search_text ?? '',
    hasPhoto: false,
    locations: [],
    burstMessageIds: [],
  };
}

/** Reads one mention for its rules. */
@Injectable()
export class MentionSubjectLoader {
  async load(manager: EntityManager, organizationId: string, mentionId: string): Promise<RuleSubject | null> {
    const [row]: MentionSubjectRow[] = await manager.query(
      `SELECT ${MENTION_SUBJECT_COLUMNS} ${MENTION_SUBJECT_FROM} WHERE mn.organization_id = $1 AND mn.id = $2`,
      [organizationId, mentionId],
    );
    return row ? mentionSubject(row) : null;
  }
}
