import type { EntityManager } from 'typeorm';
import type { RuleCondition, RuleConditionType } from '../rule-condition';
import type { RuleSubject } from '../rule-subject';

/**
 * A condition made ready to test subjects (keywords compiled once, not per message). `manager` is the
 * caller's transaction: a condition that reads the database must use it (the caller holds a connection).
 */
export type CompiledCondition = (subject: RuleSubject, manager?: EntityManager) => boolean | Promise<boolean>;

/** One condition type: checks a stored condition's values and compiles it. */
export interface ConditionEvaluator {
  readonly type: RuleConditionType;
  /** Problems with the condition's values, each naming its field under `path` (e.g. `conditions.0.values`); empty when fine. */
  problems(condition: RuleCondition, path: string): string[];
  compile(condition: RuleCondition): CompiledCondition;
}
