import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConversationTagBuffer } from '@civic/inbox';
import { MessageReadingBuffer } from '@civic/message-readings';
import type { AutomationRuleEvent } from './automation-rule-event';
import { RuleFiringBuffer } from './rule-firing.buffer';
import type { RuleSubject } from './rule-subject';
import { BURST_MAX, BURST_SECONDS, buildSubject } from './rule-subject.builder';
import type { BurstMessage } from './rule-subject.builder';

/** The message the inbound scanner hands over (see CitizenInboundMessage). */
export interface InboundMessageRef {
  id: string;
  organizationId: string;
  conversationId: string;
  channelAccountId: string;
  channel: string;
  contactId: string | null;
  kind: string;
  sentAt: Date;
  /** The scanner's batch this message is handled in (the batch loader reads them at once). */
  batchMessageIds?: readonly string[];
}

/**
 * Loads one message's subject in one query: conversation tags, the account's owner label, the contact's
 * language, the burst, and the rules that already fired on the burst's messages (this one included).
 */
@Injectable()
export class RuleSubjectLoader {
  async load(manager: EntityManager, event: AutomationRuleEvent, message: InboundMessageRef): Promise<RuleSubject> {
    const [row]: {
      tags: string[] | null;
      owner_label: string | null;
      language: string | null;
      urgent: boolean | null;
      contact_tags: string[] | null;
      burst: BurstMessage[];
      fired: string[] | null;
    }[] = await manager.query(
      `WITH burst AS (
         SELECT b.id, b.text, b.attachments, b.sent_at FROM message b, message m
          WHERE m.id = $3 AND m.organization_id = $1
            AND b.conversation_id = m.conversation_id AND b.direction = 'in' AND NOT b.deleted
            AND b.sent_at >= m.sent_at - make_interval(secs => $5) AND (b.sent_at, b.id) <= (m.sent_at, m.id)
          ORDER BY b.sent_at DESC, b.id DESC LIMIT $6)
       SELECT c.tags, a.owner_label, s.language, (SELECT ct.tags FROM contact ct WHERE ct.id = $4) AS contact_tags,
              (SELECT r.urgent FROM message_reading r WHERE r.organization_id = $1 AND r.message_id = $3) AS urgent,
              (SELECT coalesce(json_agg(json_build_object('id', b.id, 'text', b.text, 'attachments', b.attachments)
                                        ORDER BY b.sent_at, b.id), '[]'::json) FROM burst b) AS burst,
              (SELECT array_agg(DISTINCT f.rule_id::text) FROM automation_rule_firing f
                WHERE f.organization_id = $1 AND f.message_id IN (SELECT id FROM burst)) AS fired
         FROM conversation c
         JOIN channel_account a ON a.id = c.channel_account_id
         LEFT JOIN citizen_contact_state s ON s.organization_id = c.organization_id AND s.contact_id = $4
        WHERE c.organization_id = $1 AND c.id = $2`,
      [message.organizationId, message.conversationId, message.id, message.contactId, BURST_SECONDS, BURST_MAX],
    );
    return buildSubject(
      {
        organizationId: message.organizationId,
        event,
        occurredAt: message.sentAt,
        channel: message.channel,
        channelAccountId: message.channelAccountId,
        accountOwnerLabel: row?.owner_label ?? null,
        conversationId: message.conversationId,
        // Tags and firings this transaction's rules made earlier in the batch are not written yet.
        conversationTags: ConversationTagBuffer.withAdded(manager, message.conversationId, row?.tags ?? []),
        language: MessageReadingBuffer.find(manager, message.id)?.language ?? row?.language ?? null,
        // Read earlier in this transaction (not written until commit), else as stored.
        urgent: MessageReadingBuffer.find(manager, message.id)?.urgent ?? row?.urgent ?? false,
        contactTags: row?.contact_tags ?? [],
        messageId: message.id,
        messageKind: message.kind,
      },
      row?.burst ?? [],
      [
        ...(row?.fired ?? []),
        ...RuleFiringBuffer.firedIn(
          manager,
          (row?.burst ?? []).map((m) => m.id),
        ),
      ],
    );
  }
}
