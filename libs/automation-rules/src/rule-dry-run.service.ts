import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConversationAction } from '@civic/automation';
import type { MessageAttachment } from '@civic/model';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import { AutomationRuleEvent, isCaseEvent, isMentionEvent } from './automation-rule-event';
import { dryRunOverCases } from './case-dry-run';
import { dryRunOverMentions } from './mention/mention-dry-run';
import { RuleCompiler } from './rule-compiler';
import { BURST_MAX, BURST_SECONDS, buildSubject } from './rule-subject.builder';
import type { BurstMessage } from './rule-subject.builder';

export const DRY_RUN_DEFAULT = 500;
export const DRY_RUN_MAX = 10_000;
/** The answer lists this many matches (newest first); the count covers them all. */
const LISTED = 100;
const EXCERPT = 160;

export interface DryRunMatch {
  /** The message (for a case, the one it was opened from; null when none). */
  messageId: string | null;
  /** Case events: the case and its number; null for message events. */
  caseId: string | null;
  caseNumber: string | null;
  /** Null for a mention that is not an inbox message. */
  conversationId: string | null;
  channel: string;
  accountName: string;
  contactName: string | null;
  sentAt: string;
  excerpt: string | null;
  actions: ConversationAction[];
  /** Mention events: the mention, its watchlist and the post's link (accountName is the watchlist, contactName the author). */
  mentionId?: string;
  watchlistName?: string;
  url?: string | null;
}

export interface DryRunResult {
  /** What was examined: citizen messages, cases for a case event's rule, mentions for a mention rule. */
  over: 'messages' | 'cases' | 'mentions';
  examined: number;
  matched: number;
  tookMs: number;
  matches: DryRunMatch[];
}

interface Row {
  id: string;
  conversation_id: string;
  channel: string;
  channel_account_id: string;
  kind: string;
  text: string | null;
  attachments: MessageAttachment[] | null;
  sent_at: Date;
  tags: string[] | null;
  owner_label: string | null;
  account_name: string;
  contact_name: string | null;
  language: string | null;
  urgent: boolean | null;
  contact_tags: string[] | null;
  opens: boolean;
}

/**
 * "What would this rule have done to the last N messages": conditions only, on the stored
 * messages, nothing written and no action run. Bursts are built from the loaded messages, and a rule
 * fires once per burst as it would live; earlier firings of a saved rule are not taken into account.
 */
@Injectable()
export class RuleDryRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly compiler: RuleCompiler,
  ) {}

  async run(
    organizationId: string,
    definition: AutomationRuleDefinition,
    limit = DRY_RUN_DEFAULT,
  ): Promise<DryRunResult> {
    const started = process.hrtime.bigint();
    const rule = this.compiler.compile('dry-run', definition);
    if (isCaseEvent(definition.event) || isMentionEvent(definition.event)) {
      const over = isCaseEvent(definition.event) ? dryRunOverCases : dryRunOverMentions;
      const { examined, matches } = await over(
        this.dataSource.manager,
        organizationId,
        definition,
        rule,
        Math.min(Math.max(1, limit), DRY_RUN_MAX),
      );
      return {
        over: isCaseEvent(definition.event) ? 'cases' : 'mentions',
        examined,
        matched: matches.length,
        tookMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
        matches: matches.slice(0, LISTED),
      };
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT m.id, m.conversation_id, m.channel, m.channel_account_id, m.kind, m.text, m.attachments, m.sent_at,
              c.tags, a.owner_label, a.name AS account_name, ct.name AS contact_name, ct.tags AS contact_tags, s.language,
              rd.urgent, (c.first_inbound_at = m.sent_at) AS opens
         FROM (SELECT * FROM message WHERE organization_id = $1 AND direction = 'in' AND NOT deleted
                ORDER BY received_at DESC, id DESC LIMIT $2) m
         JOIN conversation c ON c.id = m.conversation_id
         JOIN channel_account a ON a.id = m.channel_account_id
         LEFT JOIN contact ct ON ct.id = m.contact_id
         LEFT JOIN citizen_contact_state s ON s.organization_id = m.organization_id AND s.contact_id = m.contact_id
         LEFT JOIN message_reading rd ON rd.organization_id = m.organization_id AND rd.message_id = m.id
        ORDER BY m.conversation_id, m.sent_at, m.id`,
      [organizationId, Math.min(Math.max(1, limit), DRY_RUN_MAX)],
    );
    const matches: DryRunMatch[] = [];
    const firedOn = new Set<string>();
    let burst: (BurstMessage & { sentAt: number; conversationId: string })[] = [];
    for (const row of rows) {
      const sentAt = new Date(row.sent_at).getTime();
      burst = burst.filter(
        (b) => b.conversationId === row.conversation_id && b.sentAt >= sentAt - BURST_SECONDS * 1000,
      );
      burst.push({
        id: row.id,
        text: row.text,
        attachments: row.attachments,
        sentAt,
        conversationId: row.conversation_id,
      });
      if (burst.length > BURST_MAX) {
        burst.shift();
      }
      if (definition.event === AutomationRuleEvent.ConversationCreated && !row.opens) {
        continue;
      }
      const subject = buildSubject(
        {
          organizationId,
          event: definition.event,
          occurredAt: new Date(sentAt),
          channel: row.channel,
          channelAccountId: row.channel_account_id,
          accountOwnerLabel: row.owner_label,
          conversationId: row.conversation_id,
          conversationTags: row.tags,
          language: row.language,
          urgent: row.urgent ?? false,
          contactTags: row.contact_tags,
          messageId: row.id,
          messageKind: row.kind,
        },
        burst,
      );
      if (!(await rule.matches(subject))) {
        continue;
      }
      const once = subject.burstMessageIds.some((id) => id !== row.id && firedOn.has(id));
      if (once) {
        continue;
      }
      firedOn.add(row.id);
      matches.push({
        messageId: row.id,
        caseId: null,
        caseNumber: null,
        conversationId: row.conversation_id,
        channel: row.channel,
        accountName: row.account_name,
        contactName: row.contact_name,
        sentAt: new Date(sentAt).toISOString(),
        excerpt: row.text ? row.text.slice(0, EXCERPT) : null,
        actions: definition.actions,
      });
    }
    matches.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    return {
      over: 'messages',
      examined: rows.length,
      matched: matches.length,
      tookMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
      matches: matches.slice(0, LISTED),
    };
  }
}
