import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenInboundHandlerRegistry } from '@civic/citizen-loop';
import type { CitizenInboundHandler, CitizenInboundMessage } from '@civic/citizen-loop';
import { AutomationRuleEvent } from './automation-rule-event';
import { RuleEngine } from './rule-engine';
import { RuleSetCache } from './rule-set.cache';
import { RuleSubjectLoader } from './rule-subject.loader';

/**
 * "A message arrives" and "a conversation is created": runs after the product's own handlers
 * (opt-out, status request, satisfaction answer, out-of-hours, acknowledgement), exactly once per
 * citizen message, in the scanner's transaction. The scanner sees inbound messages only, so replies,
 * automatic notices and messages the rules themselves send are never events: no loops.
 */
@Injectable()
export class AutomationRulesInboundHandler implements CitizenInboundHandler, OnModuleInit {
  readonly order = 60;

  constructor(
    private readonly registry: CitizenInboundHandlerRegistry,
    private readonly rules: RuleSetCache,
    private readonly loader: RuleSubjectLoader,
    private readonly engine: RuleEngine,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(manager: EntityManager, message: CitizenInboundMessage): Promise<'consumed' | 'pass'> {
    const events: { event: AutomationRuleEvent; key: string }[] = [];
    if (message.opensConversation) {
      events.push({ event: AutomationRuleEvent.ConversationCreated, key: `conversation:${message.conversationId}` });
    }
    events.push({ event: AutomationRuleEvent.MessageReceived, key: `message:${message.id}` });
    for (const { event, key } of events) {
      const rules = await this.rules.rulesFor(message.organizationId, event, manager);
      if (rules.length === 0) {
        continue;
      }
      const subject = await this.loader.load(manager, event, message);
      await this.engine.fire(manager, subject, key, rules);
    }
    // Rules act beside the citizen's request; they never swallow the message.
    return 'pass';
  }
}
