import type { EntityManager } from 'typeorm';
import type { ConversationAction } from '@civic/automation';
import type { CompiledCondition } from './conditions/condition-evaluator';
import type { RuleMatchMode } from './rule-condition';
import type { RuleSubject } from './rule-subject';

/** A rule ready to test subjects: its conditions compiled once. */
export class CompiledRule {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly match: RuleMatchMode,
    private readonly conditions: CompiledCondition[],
    readonly actions: ConversationAction[],
    readonly stopHere: boolean,
    /** The condition types it reads (a rule on conversation tags needs them fresh). */
    readonly conditionTypes: ReadonlySet<string> = new Set(),
  ) {}

  /** all: every condition holds (no conditions: always); any: at least one does. Cheap conditions are not skipped: order as written. */
  async matches(subject: RuleSubject, manager?: EntityManager): Promise<boolean> {
    if (this.conditions.length === 0) {
      return true;
    }
    const all = this.match === 'all';
    for (const condition of this.conditions) {
      let holds = condition(subject, manager);
      if (typeof holds !== 'boolean') {
        holds = await holds;
      }
      if (holds !== all) {
        return !all;
      }
    }
    return all;
  }
}
