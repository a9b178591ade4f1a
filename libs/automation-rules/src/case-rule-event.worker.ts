import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueService } from '@civic/queue';
import { CASE_RULE_EVENT_QUEUE } from './case-rule-event.queue';
import type { CaseRuleEventJob } from './case-rule-event.queue';
import { CaseSubjectLoader } from './case-subject.loader';
import type { RuleFired } from './rule-engine';
import { RuleEngine } from './rule-engine';
import { RuleSetCache } from './rule-set.cache';

/**
 * Worker side of case and SLA events: one transaction per job, the conversation locked so its
 * citizen's messages and the case's rules take turns. A rule fires at most once per event key (the
 * firings already made are read with the subject, and the firing row's unique key is the last guard),
 * so a redelivered or retried job fires nothing twice.
 */
@Injectable()
export class CaseRuleEventWorker implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly loader: CaseSubjectLoader,
    private readonly rules: RuleSetCache,
    private readonly engine: RuleEngine,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<CaseRuleEventJob>(CASE_RULE_EVENT_QUEUE, { pollingIntervalSeconds: 1 }, async (job) => {
      await this.handle(job.data, job.createdOn ?? new Date());
    });
  }

  /** Fires the event's rules; returns what fired (empty when none matched or all had fired already). */
  async handle(job: CaseRuleEventJob, occurredAt: Date = new Date()): Promise<RuleFired[]> {
    return this.dataSource.transaction(async (manager) => {
      const rules = await this.rules.rulesFor(job.organizationId, job.event, manager);
      if (rules.length === 0) {
        return [];
      }
      await manager.query(
        `SELECT 1 FROM conversation c JOIN civic_case k ON k.conversation_id = c.id AND k.organization_id = c.organization_id
          WHERE k.organization_id = $1 AND k.id = $2 FOR UPDATE OF c`,
        [job.organizationId, job.caseId],
      );
      const subject = await this.loader.load(manager, job, occurredAt);
      if (!subject) {
        return [];
      }
      return this.engine.fire(manager, subject, job.eventKey, rules);
    });
  }
}
