import { Injectable, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEventHooks } from '@civic/cases';
import type { CaseEvent, CaseEventListener } from '@civic/cases';
import { QueueService } from '@civic/queue';
import { AutomationRuleEvent } from './automation-rule-event';
import { CASE_RULE_EVENT_QUEUE, caseEventJobId } from './case-rule-event.queue';
import type { CaseRuleEventJob } from './case-rule-event.queue';
import { RuleSetCache } from './rule-set.cache';

/** Events a rule's own action caused are events too (a rule opens a case, another tells a team); one step, no further. */
const MAX_DEPTH = 1;

/**
 * Turns case openings and status changes into rule events: when the organization has switched-on
 * rules for the event, one job goes into the case event outbox in the transaction of the change,
 * so it exists exactly when the change commits. The worker fires the rules (CaseRuleEventWorker).
 */
@Injectable()
export class CaseRuleEventListener implements CaseEventListener, OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | null = null;

  constructor(
    private readonly rules: RuleSetCache,
    private readonly queue: QueueService,
  ) {}

  onModuleInit(): void {
    this.unregister = CaseEventHooks.register(this);
  }

  /** Created before any change: creating a queue inside a business transaction would wait on it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(CASE_RULE_EVENT_QUEUE);
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async onCaseEvent(manager: EntityManager, event: CaseEvent): Promise<void> {
    const depth = event.actor.automationDepth ?? 0;
    if (depth > MAX_DEPTH) {
      return;
    }
    const ruleEvent = event.kind === 'opened' ? AutomationRuleEvent.CaseOpened : AutomationRuleEvent.CaseStatusChanged;
    await this.send(manager, {
      organizationId: event.organizationId,
      caseId: event.caseId,
      event: ruleEvent,
      eventKey: event.key,
      from: event.from,
      to: event.to,
      depth,
    });
  }

  /** Enqueues the event when the organization has rules for it (SLA events come through here too). */
  async send(manager: EntityManager, job: CaseRuleEventJob): Promise<boolean> {
    const rules = await this.rules.rulesFor(job.organizationId, job.event, manager);
    if (rules.length === 0) {
      return false;
    }
    await this.queue.send(
      CASE_RULE_EVENT_QUEUE,
      job,
      { id: caseEventJobId(job.organizationId, job.eventKey) },
      manager,
    );
    return true;
  }
}
