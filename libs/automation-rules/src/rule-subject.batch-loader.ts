import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConversationTagBuffer } from '@civic/inbox';
import { MessageReadingBuffer } from '@civic/message-readings';
import type { AutomationRuleEvent } from './automation-rule-event';
import type { RuleSubject } from './rule-subject';
import { BURST_MAX, BURST_SECONDS, buildSubject } from './rule-subject.builder';
import type { BurstMessage } from './rule-subject.builder';
import type { InboundMessageRef } from './rule-subject.loader';

interface Prefetched {
  ownerLabel: string | null;
  language: string | null;
  urgent: boolean;
  contactTags: string[];
  burst: BurstMessage[];
  /** Rules that had fired on the burst's messages when it was read. */
  fired: string[];
}

interface BatchState {
  subjects: Map<string, Prefetched>;
  /** Firings this transaction made since: message id → rule ids. */
  firedSince: Map<string, string[]>;
}

/**
 * The subjects of a whole scanner batch in one query instead of one per message. The batch is the
 * messages the scanner handles in this transaction (`batchMessageIds`); what a message's rules change
 * later in the batch is tracked here (the firings), and rules that read conversation tags, which
 * actions change, use RuleSubjectLoader.
 */
@Injectable()
export class RuleSubjectBatchLoader {
  private readonly batches = new WeakMap<EntityManager, BatchState>();

  /** The message's subject, or null when it is not in this transaction's batch (then load it alone). */
  async load(
    manager: EntityManager,
    event: AutomationRuleEvent,
    message: InboundMessageRef,
  ): Promise<RuleSubject | null> {
    let batch = this.batches.get(manager);
    if (!batch?.subjects.has(message.id)) {
      if (!message.batchMessageIds) {
        return null;
      }
      batch = {
        subjects: await this.prefetch(manager, message.organizationId, message.batchMessageIds),
        firedSince: new Map(),
      };
      this.batches.set(manager, batch);
    }
    const hit = batch.subjects.get(message.id);
    if (!hit) {
      return null;
    }
    const since = hit.burst.flatMap((m) => batch.firedSince.get(m.id) ?? []);
    return buildSubject(
      {
        organizationId: message.organizationId,
        event,
        occurredAt: message.sentAt,
        channel: message.channel,
        channelAccountId: message.channelAccountId,
        accountOwnerLabel: hit.ownerLabel,
        conversationId: message.conversationId,
        conversationTags: null,
        language: MessageReadingBuffer.find(manager, message.id)?.language ?? hit.language,
        // Read earlier in this transaction (not written until commit), else as stored.
        urgent: MessageReadingBuffer.find(manager, message.id)?.urgent ?? hit.urgent,
        contactTags: hit.contactTags,
        messageId: message.id,
        messageKind: message.kind,
      },
      hit.burst,
      [...hit.fired, ...since],
    );
  }

  /** Rules fired on a message in this transaction: later messages of its burst see them. */
  noteFired(manager: EntityManager, messageId: string, ruleIds: string[]): void {
    const batch = this.batches.get(manager);
    if (batch && ruleIds.length > 0) {
      batch.firedSince.set(messageId, [...(batch.firedSince.get(messageId) ?? []), ...ruleIds]);
    }
  }

  private async prefetch(
    manager: EntityManager,
    organizationId: string,
    messageIds: readonly string[],
  ): Promise<Map<string, Prefetched>> {
    const rows: {
      id: string;
      conversation_id: string;
      conversation_tags: string[];
      owner_label: string | null;
      language: string | null;
      urgent: boolean | null;
      contact_tags: string[] | null;
      burst: BurstMessage[];
      fired: string[] | null;
    }[] = await manager.query(
      `SELECT m.id, m.conversation_id, c.tags AS conversation_tags, a.owner_label, s.language, ct.tags AS contact_tags,
              bu.burst, fi.fired, rd.urgent
         FROM message m
         JOIN conversation c ON c.id = m.conversation_id
         JOIN channel_account a ON a.id = m.channel_account_id
         LEFT JOIN citizen_contact_state s ON s.organization_id = m.organization_id AND s.contact_id = m.contact_id
         LEFT JOIN contact ct ON ct.id = m.contact_id
         LEFT JOIN message_reading rd ON rd.organization_id = m.organization_id AND rd.message_id = m.id
         CROSS JOIN LATERAL (
           SELECT coalesce(json_agg(json_build_object('id', x.id, 'text', x.text, 'attachments', x.attachments)
                                    ORDER BY x.sent_at, x.id), '[]'::json) AS burst, array_agg(x.id) AS ids
             FROM (SELECT x.id, x.text, x.attachments, x.sent_at FROM message x
                    WHERE x.conversation_id = m.conversation_id AND x.direction = 'in' AND NOT x.deleted
                      AND x.sent_at >= m.sent_at - make_interval(secs => $2) AND (x.sent_at, x.id) <= (m.sent_at, m.id)
                    ORDER BY x.sent_at DESC, x.id DESC LIMIT $3) x) bu
         LEFT JOIN LATERAL (
           SELECT array_agg(DISTINCT f.rule_id::text) AS fired FROM automation_rule_firing f
            WHERE f.organization_id = m.organization_id AND f.message_id = ANY(bu.ids)) fi ON true
        WHERE m.organization_id = $1 AND m.id = ANY($4::uuid[])`,
      [organizationId, BURST_SECONDS, BURST_MAX, messageIds],
    );
    // The tag actions of this batch's rules start from these tags instead of reading each conversation.
    if (ConversationTagBuffer.open(manager)) {
      rows.forEach((r) => ConversationTagBuffer.prime(manager, organizationId, r.conversation_id, r.conversation_tags));
    }
    return new Map(
      rows.map((r) => [
        r.id,
        {
          ownerLabel: r.owner_label,
          language: r.language,
          urgent: r.urgent ?? false,
          contactTags: r.contact_tags ?? [],
          burst: r.burst,
          fired: r.fired ?? [],
        },
      ]),
    );
  }
}
