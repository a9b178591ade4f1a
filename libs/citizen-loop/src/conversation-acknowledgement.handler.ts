import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenInboundHandler, CitizenInboundMessage } from './citizen-inbound-handler';
import { CitizenInboundHandlerRegistry } from './citizen-inbound-handler.registry';
import { CitizenNoticeKind } from './citizen-notice-kind';
import { CitizenNotices } from './citizen-notices';

const SWITCH_CACHE_MS = 1000;

/**
 * "We received your message": the first citizen message of a conversation, on channel accounts
 * that have the acknowledgement switched on (off by default). Runs last, so an out-of-hours reply
 * or a recognised status request is not followed by a second automatic message.
 */
@Injectable()
export class ConversationAcknowledgementHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = 50;
  private readonly accounts = new Map<string, { on: boolean; until: number }>();

  constructor(
    private readonly registry: CitizenInboundHandlerRegistry,
    private readonly notices: CitizenNotices,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** The account's switch, read at most once a second per account: the scanner asks for every new conversation. */
  private async switchedOn(manager: EntityManager, message: CitizenInboundMessage): Promise<boolean> {
    const cached = this.accounts.get(message.channelAccountId);
    if (cached && cached.until > Date.now()) {
      return cached.on;
    }
    const [account] = await manager.query(
      `SELECT acknowledge_new_conversations AS on FROM channel_account WHERE organization_id = $1 AND id = $2`,
      [message.organizationId, message.channelAccountId],
    );
    const on = account?.on === true;
    this.accounts.set(message.channelAccountId, { on, until: Date.now() + SWITCH_CACHE_MS });
    return on;
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    if (!message.opensConversation) {
      return 'pass';
    }
    if (!(await this.switchedOn(manager, message))) {
      return 'pass';
    }
    // An earlier handler already told the citizen something on this new conversation (e.g. the out-of-hours
    // reply): one automatic message is enough, unless that kind is switched off and so will not be sent.
    const earlier: { kind: CitizenNoticeKind }[] = await manager.query(
      `SELECT DISTINCT kind FROM citizen_notice WHERE organization_id = $1 AND conversation_id = $2`,
      [message.organizationId, message.conversationId],
    );
    for (const { kind } of earlier) {
      if (await this.notices.isEnabled(manager, message.organizationId, kind)) {
        return 'pass';
      }
    }
    await this.notices.enqueue(manager, {
      organizationId: message.organizationId,
      conversationId: message.conversationId,
      kind: CitizenNoticeKind.ConversationAcknowledged,
      eventKey: `conversation:${message.conversationId}:acknowledged`,
      inReplyToMessageId: message.kind === 'dm' ? null : message.id,
    });
    // Not consumed: the message is still the citizen's request.
    return 'pass';
  }
}
