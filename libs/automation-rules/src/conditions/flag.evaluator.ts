import type { RuleCondition, RuleConditionType } from '../rule-condition';
import type { RuleSubject } from '../rule-subject';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

/** A yes/no fact of the message: "has a photo", "has a location". */
export class FlagEvaluator implements ConditionEvaluator {
  constructor(
    readonly type: RuleConditionType,
    private readonly read: (subject: RuleSubject) => boolean,
  ) {}

  problems(_condition: RuleCondition, _path: string): string[] {
    return [];
  }

  compile(_condition: RuleCondition): CompiledCondition {
    return this.read;
  }
}
