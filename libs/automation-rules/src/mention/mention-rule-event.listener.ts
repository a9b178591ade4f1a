import { Injectable, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MentionEventHooks } from '@civic/mentions';
import type { MentionEventListener, MentionMatchedEvent } from '@civic/mentions';
import { QueueService } from '@civic/queue';
import { AutomationRuleEvent } from '../automation-rule-event';
import { caseEventJobId } from '../case-rule-event.queue';
import { RuleSetCache } from '../rule-set.cache';
import { MENTION_RULE_EVENT_QUEUE } from './mention-rule-event.queue';

/**
 * Turns new mentions into rule events: when the organization has switched-on mention rules, one job
 * goes into the mention event outbox in the transaction of the insert, with an id derived from the
 * event key, so a mention stored again (a re-scan, the second source) is no event and the same event
 * sent twice is one job. The worker fires the rules (MentionRuleEventWorker).
 */
@Injectable()
export class MentionRuleEventListener
  implements MentionEventListener, OnModuleInit, OnApplicationBootstrap, OnModuleDestroy
{
  private unregister: (() => void) | null = null;

  constructor(
    private readonly rules: RuleSetCache,
    private readonly queue: QueueService,
  ) {}

  onModuleInit(): void {
    this.unregister = MentionEventHooks.register(this);
  }

  /** Created before any insert: creating a queue inside a business transaction would wait on it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(MENTION_RULE_EVENT_QUEUE);
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async onMentionMatched(manager: EntityManager, event: MentionMatchedEvent): Promise<void> {
    const rules = await this.rules.rulesFor(event.organizationId, AutomationRuleEvent.MentionMatched, manager);
    if (rules.length === 0) {
      return;
    }
    await this.queue.send(
      MENTION_RULE_EVENT_QUEUE,
      { organizationId: event.organizationId, mentionId: event.mentionId, eventKey: event.key },
      { id: caseEventJobId(event.organizationId, event.key) },
      manager,
    );
  }
}
