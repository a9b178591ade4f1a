import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditService } from './audit.service';
import { RetentionAnonymizer } from './retention-anonymizer';
import { RetentionMediaCleaner } from './retention-media.cleaner';
import { ErasureCounts, RetentionActor } from './retention.service';

/** KVKK erasure requests: one citizen's personal data anonymized on request. */
@Injectable()
export class ContactErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly anonymizer: RetentionAnonymizer,
    private readonly media: RetentionMediaCleaner,
  ) {}

  /**
   * A citizen's erasure request: every message by or to the contact, whatever the conversation's
   * status, the case records, internal notes and mentions around them, and the contact itself.
   * Refused (409) while any of those conversations is on legal hold.
   */
  async eraseContact(organizationId: string, contactId: string, actor: RetentionActor): Promise<ErasureCounts> {
    const { counts, media } = await this.dataSource.transaction(async (manager) => {
      const [contact]: Array<{
        id: string;
        channel: string;
        channelUserId: string;
        name: string | null;
        handle: string | null;
        phone: string | null;
      }> = await manager.query(
        `SELECT id, channel, channel_user_id AS "channelUserId", name, handle, phone FROM contact WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [contactId, organizationId],
      );
      if (!contact) {
        throw new DomainError(ErrorCode.ContactNotFound);
      }
      const holds: Array<{ conversationId: string; reason: string }> = await manager.query(
        `SELECT h.conversation_id AS "conversationId", h.reason FROM legal_hold h JOIN conversation c ON c.id = h.conversation_id
         WHERE c.contact_id = $1 OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.contact_id = $1)
            OR EXISTS (SELECT 1 FROM civic_case k WHERE k.conversation_id = c.id AND k.contact_id = $1)
         ORDER BY h.placed_at`,
        [contactId],
      );
      if (holds.length > 0) {
        throw new DomainError(ErrorCode.ErasureBlockedByLegalHold, {
          conversationId: holds[0].conversationId,
          reason: holds[0].reason,
          legalHolds: holds,
        });
      }
      const conversations: Array<{ id: string }> = await manager.query(
        'SELECT id FROM conversation WHERE organization_id = $1 AND contact_id = $2',
        [organizationId, contactId],
      );
      const conversationIds = conversations.map((row) => row.id);
      // The mentions that came in as the citizen's messages, or that they posted under their channel id or handle.
      const mentionWhere = `mn.organization_id = $1 AND (mn.message_id IN (SELECT id FROM message WHERE contact_id = $2)
        OR (mn.channel = $3 AND (mn.author_external_id = $4 OR ($5::text IS NOT NULL AND lower(mn.author_handle) = lower($5)))))`;
      const mentionParams = [organizationId, contactId, contact.channel, contact.channelUserId, contact.handle];
      // Their own messages anywhere, and every message (replies quoting them too) in their own threads.
      const erased = await this.anonymizer.anonymizeMessages(
        manager,
        'm.organization_id = $1 AND (m.contact_id = $2 OR m.conversation_id = ANY($3::uuid[]))',
        [organizationId, contactId, conversationIds],
      );
      await this.anonymizer.anonymizeConversations(manager, organizationId, conversationIds, 'erasure');
      // Public threads where the citizen only commented keep their other authors; drop a preview that may quote them.
      await manager.query(
        `UPDATE conversation c SET last_message_preview = NULL WHERE c.organization_id = $1
         AND EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.contact_id = $2)`,
        [organizationId, contactId],
      );
      const records = await this.anonymizer.anonymizeRecords(manager, {
        caseWhere: `k.organization_id = $1 AND (k.contact_id = $2 OR k.conversation_id = ANY($3::uuid[]) OR k.message_id IN (SELECT id FROM message WHERE contact_id = $2))`,
        caseParams: [organizationId, contactId, conversationIds],
        conversationIds,
        mentionWhere,
        mentionParams,
        quoted: { organizationId, contactId, name: contact.name, handle: contact.handle, phone: contact.phone },
      });
      const contacts = await this.anonymizer.anonymizeContacts(manager, [contactId]);
      const { media: recordMedia, ...recordCounts } = records;
      const counts = {
        conversations: conversationIds.length,
        messages: erased.messages,
        contacts,
        attachments: erased.attachments,
        ...recordCounts,
      };
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'contact.erased',
          targetType: 'contact',
          targetId: contactId,
          after: counts,
          requestId: actor.requestId,
        },
        manager,
      );
      return { counts, media: [...erased.media, ...recordMedia] };
    });
    const mediaFilesDeleted = await this.media.deleteUnreferencedMedia(media);
    return {
      conversations: counts.conversations,
      messages: counts.messages,
      contacts: counts.contacts,
      cases: counts.cases,
      internalNotes: counts.internalNotes,
      mentions: counts.mentions,
      mediaFilesDeleted,
    };
  }
}
