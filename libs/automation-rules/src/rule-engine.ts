import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { ConversationActionRunner } from '@civic/automation';
import type { ActionOutcome } from '@civic/automation';
import type { CompiledRule } from './compiled-rule';
import { insertFirings, RuleFiringBuffer } from './rule-firing.buffer';
import type { RuleSubject } from './rule-subject';

/** One rule that fired on an event, and what its actions did. */
export interface RuleFired {
  ruleId: string;
  outcomes: ActionOutcome[];
}

/**
 * Runs an event's rules in order in the caller's transaction. A matching rule fires at most once per
 * event (the firing row's unique event key) and once per burst of the citizen's messages; its
 * actions go to the ConversationActionRunner with the rule as origin (history and audit name it).
 * A rule with "stop here" that matches ends the evaluation. A failing action is undone alone by the
 * runner (its savepoints) and recorded as failed; it stops neither the other rules nor the scanner's batch.
 */
@Injectable()
export class RuleEngine {
  private readonly logger = new Logger(RuleEngine.name);
  private runnerLookup: ConversationActionRunner | null | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The action runner is bound by the automation module; looked up once, lazily, so rules need not import it. */
  private runner(): ConversationActionRunner | null {
    if (this.runnerLookup === undefined) {
      let found: ConversationActionRunner | null = null;
      try {
        found = this.moduleRef.get(ConversationActionRunner, { strict: false });
      } catch {
        this.logger.warn('No ConversationActionRunner is bound: rules are evaluated and recorded, their actions fail');
      }
      this.runnerLookup = found;
    }
    return this.runnerLookup ?? null;
  }

  async fire(
    manager: EntityManager,
    subject: RuleSubject,
    eventKey: string,
    rules: readonly CompiledRule[],
  ): Promise<RuleFired[]> {
    const fired: RuleFired[] = [];
    // Firing rows go in at commit, in one insert per transaction.
    RuleFiringBuffer.open(manager);
    for (const rule of rules) {
      if (!(await rule.matches(subject, manager))) {
        continue;
      }
      if (await this.firedOnBurst(manager, subject, rule.id)) {
        if (rule.stopHere) {
          break;
        }
        continue;
      }
      // The burst check read this event's own firing too; the unique key (checked at commit) stays the guard of last resort.
      const outcomes = await this.runActions(manager, subject, rule);
      const firing = {
        organizationId: subject.organizationId,
        ruleId: rule.id,
        eventKey,
        conversationId: subject.conversationId,
        // A case event's firing names its case; the message (the case's own) would count it in a burst.
        messageId: subject.case ? null : subject.messageId,
        caseId: subject.case?.id ?? null,
        outcomes,
      };
      if (!RuleFiringBuffer.add(manager, firing)) {
        await insertFirings(manager, [firing]);
      }
      fired.push({ ruleId: rule.id, outcomes });
      if (rule.stopHere) {
        break;
      }
    }
    return fired;
  }

  /** The rule already fired on this burst: on this message (a redelivered event) or an earlier one (the photo before its location). */
  private async firedOnBurst(manager: EntityManager, subject: RuleSubject, ruleId: string): Promise<boolean> {
    if (subject.burstFiredRuleIds) {
      return subject.burstFiredRuleIds.includes(ruleId);
    }
    if (RuleFiringBuffer.firedIn(manager, subject.burstMessageIds).includes(ruleId)) {
      return true;
    }
    const rows = await manager.query(
      `SELECT 1 FROM automation_rule_firing WHERE organization_id = $1 AND message_id = ANY($2::uuid[]) AND rule_id = $3 LIMIT 1`,
      [subject.organizationId, subject.burstMessageIds, ruleId],
    );
    return rows.length > 0;
  }

  private async runActions(manager: EntityManager, subject: RuleSubject, rule: CompiledRule): Promise<ActionOutcome[]> {
    const runner = this.runner();
    if (!runner) {
      return rule.actions.map((a) => ({ kind: a.kind, result: 'failed', reason: 'runner_unavailable' }));
    }
    // The runner undoes a failing action alone (its own savepoints) and reports it: nothing to catch here.
    return runner.run(manager, {
      organizationId: subject.organizationId,
      conversationId: subject.conversationId,
      messageId: subject.messageId,
      origin: { kind: 'rule', ruleId: rule.id, ruleName: rule.name },
      actions: rule.actions,
      eventDepth: subject.depth ?? 0,
    });
  }
}
