import { keywordPattern } from '@civic/cases';
import { RuleConditionType } from '../rule-condition';
import type { RuleCondition } from '../rule-condition';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

const MAX_KEYWORDS = 100;

/**
 * Any of the keywords in the message's text (or its burst's): Turkish-folded, on word boundaries,
 * `*` for suffixes, exactly as routing rules match (libs/cases routing-matcher).
 */
export class KeywordsEvaluator implements ConditionEvaluator {
  readonly type = RuleConditionType.Keywords;

  problems(condition: RuleCondition, path: string): string[] {
    const values = condition.values;
    if (!Array.isArray(values) || values.length === 0) {
      return [`${path}.values must name at least one keyword`];
    }
    if (values.length > MAX_KEYWORDS) {
      return [`${path}.values must name at most ${MAX_KEYWORDS} keywords`];
    }
    return values.flatMap((value, i) =>
      typeof value === 'string' && value.length <= 100 && keywordPattern(value)
        ? []
        : [`${path}.values.${i} must be a word or phrase (letters or digits, optionally ending in *)`],
    );
  }

  compile(condition: RuleCondition): CompiledCondition {
    const patterns = (condition.values ?? []).map(keywordPattern).filter((p): p is RegExp => p !== null);
    return (subject) => subject.foldedText !== '' && patterns.some((p) => p.test(subject.foldedText));
  }
}
