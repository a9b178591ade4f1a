import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueService } from '@civic/queue';
import { AutomationRuleEvent } from '../automation-rule-event';
import type { RuleFired } from '../rule-engine';
import { RuleSetCache } from '../rule-set.cache';
import { MentionActionRunner } from './mention-action.runner';
import { MENTION_RULE_EVENT_QUEUE } from './mention-rule-event.queue';
import type { MentionRuleEventJob } from './mention-rule-event.queue';
import { MentionSubjectLoader } from './mention-subject.loader';

/**
 * Worker side of mention events: one transaction per job, the org's switched-on mention rules in
 * order, "stop here" honoured. The firing row is written before the actions: its unique event key
 * (`mention:<id>`) makes a redelivered or concurrent job skip the rule, so nothing fires twice.
 */
@Injectable()
export class MentionRuleEventWorker implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly loader: MentionSubjectLoader,
    private readonly rules: RuleSetCache,
    private readonly actions: MentionActionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<MentionRuleEventJob>(MENTION_RULE_EVENT_QUEUE, { pollingIntervalSeconds: 1 }, async (job) => {
      await this.handle(job.data);
    });
  }

  /** Fires the mention's rules; returns what fired now (empty when none matched or all had fired already). */
  async handle(job: MentionRuleEventJob): Promise<RuleFired[]> {
    return this.dataSource.transaction(async (manager) => {
      const rules = await this.rules.rulesFor(job.organizationId, AutomationRuleEvent.MentionMatched, manager);
      if (rules.length === 0) {
        return [];
      }
      const subject = await this.loader.load(manager, job.organizationId, job.mentionId);
      if (!subject?.mention) {
        return [];
      }
      const fired: RuleFired[] = [];
      for (const rule of rules) {
        if (!(await rule.matches(subject, manager))) {
          continue;
        }
        const [firing]: { id: string }[] = await manager.query(
          `INSERT INTO automation_rule_firing (organization_id, rule_id, event_key, conversation_id, message_id, case_id)
           VALUES ($1, $2, $3, $4, NULL, NULL) ON CONFLICT (organization_id, rule_id, event_key) DO NOTHING RETURNING id`,
          [job.organizationId, rule.id, job.eventKey, subject.conversationId || null],
        );
        if (firing) {
          const outcomes = await this.actions.run(manager, {
            organizationId: job.organizationId,
            mention: subject.mention,
            rule: { id: rule.id, name: rule.name },
            actions: rule.actions,
          });
          await manager.query(
            `UPDATE automation_rule_firing SET outcomes = $3 WHERE organization_id = $1 AND id = $2`,
            [job.organizationId, firing.id, JSON.stringify(outcomes)],
          );
          fired.push({ ruleId: rule.id, outcomes });
        }
        if (rule.stopHere) {
          break;
        }
      }
      return fired;
    });
  }
}
