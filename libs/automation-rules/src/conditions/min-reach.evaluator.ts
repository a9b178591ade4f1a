import { RuleConditionType } from '../rule-condition';
import type { RuleCondition } from '../rule-condition';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

const MAX_REACH = 1_000_000_000;

/**
 * Mention events: the post's best known audience (the author's followers, else impressions) is at
 * least the one value, a whole number. An unknown reach never matches: "at least 10 000" is not
 * assumed of a post the channel told nothing about.
 */
export class MinReachEvaluator implements ConditionEvaluator {
  readonly type = RuleConditionType.MinReach;

  problems(condition: RuleCondition, path: string): string[] {
    const values = condition.values;
    if (!Array.isArray(values) || values.length !== 1) {
      return [`${path}.values must name exactly one number`];
    }
    const value = values[0];
    if (typeof value !== 'string' || !/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > MAX_REACH) {
      return [`${path}.values.0 must be a whole number from 1 to ${MAX_REACH}`];
    }
    return [];
  }

  compile(condition: RuleCondition): CompiledCondition {
    const least = Number(condition.values?.[0]);
    return (subject) => {
      const reach = subject.mention?.reach;
      return typeof reach === 'number' && reach >= least;
    };
  }
}
