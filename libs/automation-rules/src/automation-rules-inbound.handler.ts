import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenInboundHandlerRegistry } from '@civic/citizen-loop';
import type { CitizenInboundHandler, CitizenInboundMessage } from '@civic/citizen-loop';
import { AutomationRuleEvent } from './automation-rule-event';
import { RuleConditionType } from './rule-condition';
import { RuleEngine } from './rule-engine';
import { RuleSetCache } from './rule-set.cache';
import { RuleSubjectBatchLoader } from './rule-subject.batch-loader';
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
    private readonly batch: RuleSubjectBatchLoader,
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
      // Tags change as rules act: rules that read them get their subject one message at a time.
      const readsTags = rules.some((r) => r.conditionTypes.has(RuleConditionType.ConversationTag));
      const subject =
        (readsTags ? null : await this.batch.load(manager, event, message)) ??
        (await this.loader.load(manager, event, message));
      const fired = await this.engine.fire(manager, subject, key, rules);
      this.batch.noteFired(
        manager,
        message.id,
        fired.map((f) => f.ruleId),
      );
    }
    // Rules act beside the citizen's request; they never swallow the message.
    return 'pass';
  }
}
