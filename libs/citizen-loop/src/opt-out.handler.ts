import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { foldForSearch } from '@civic/domain';
import { CitizenInboundHandler, CitizenInboundMessage } from './citizen-inbound-handler';
import { CitizenInboundHandlerRegistry } from './citizen-inbound-handler.registry';
import { CitizenNoticeKind } from './citizen-notice-kind';
import { CitizenNotices } from './citizen-notices';

const STOP_WORDS = new Set(['dur', 'stop']);

/** The whole message is DUR or STOP (any case, Turkish letters folded, punctuation around it ignored). */
export function isOptOut(text: string | null): boolean {
  const folded = foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return STOP_WORDS.has(folded);
}

/**
 * DUR / STOP: no more automatic messages to this contact (one contact is one channel account's
 * citizen, so it holds for that channel); officers still reply by hand. The citizen is told once.
 */
@Injectable()
export class OptOutHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = 10;

  constructor(
    private readonly registry: CitizenInboundHandlerRegistry,
    private readonly notices: CitizenNotices,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    if (!message.contactId || !isOptOut(message.text)) {
      return 'pass';
    }
    await manager.query(
      `INSERT INTO citizen_contact_state (organization_id, contact_id, channel, opted_out_at, opt_out_message_id)
       VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (organization_id, contact_id) DO UPDATE
          SET opted_out_at = COALESCE(citizen_contact_state.opted_out_at, now()),
              opt_out_message_id = COALESCE(citizen_contact_state.opt_out_message_id, $4), updated_at = now()`,
      [message.organizationId, message.contactId, message.channel, message.id],
    );
    await this.audit.record(
      {
        organizationId: message.organizationId,
        actorUserId: null,
        actorLabel: 'system',
        action: 'citizen.opted_out',
        targetType: 'contact',
        targetId: message.contactId,
        after: { channel: message.channel, messageId: message.id },
      },
      manager,
    );
    await this.notices.enqueue(manager, {
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      kind: CitizenNoticeKind.OptOutConfirmed,
      eventKey: `message:${message.id}:opt_out_confirmed`,
      inReplyToMessageId: message.kind === 'dm' ? null : message.id,
    });
    return 'consumed';
  }
}
