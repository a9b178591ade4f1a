import type { RuleCondition, RuleConditionType } from '../rule-condition';
import type { RuleSubject } from '../rule-subject';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

const MAX_VALUES = 100;
const MAX_LENGTH = 200;

export interface ValueInSetOptions {
  /** The subject's value(s); a list matches when any of its items is in the condition's values. */
  read: (subject: RuleSubject) => string | null | readonly string[];
  /** The values the condition may name (enums); null: any non-empty text. */
  allowed?: readonly string[] | null;
  /** Compare after this (e.g. case-insensitive labels). */
  normalize?: (value: string) => string;
  /** A value's format, when not an enum (e.g. account ids are UUIDs). */
  format?: { pattern: RegExp; says: string };
}

/** "The channel is one of …", "the account is one of …", "the conversation has one of these tags …". */
export class ValueInSetEvaluator implements ConditionEvaluator {
  constructor(
    readonly type: RuleConditionType,
    private readonly options: ValueInSetOptions,
  ) {}

  problems(condition: RuleCondition, path: string): string[] {
    const values = condition.values;
    if (!Array.isArray(values) || values.length === 0) {
      return [`${path}.values must name at least one value`];
    }
    if (values.length > MAX_VALUES) {
      return [`${path}.values must name at most ${MAX_VALUES} values`];
    }
    const problems: string[] = [];
    values.forEach((value, i) => {
      if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_LENGTH) {
        problems.push(`${path}.values.${i} must be a text of 1 to ${MAX_LENGTH} characters`);
      } else if (this.options.allowed && !this.options.allowed.includes(value)) {
        problems.push(`${path}.values.${i} must be one of: ${this.options.allowed.join(', ')}`);
      } else if (this.options.format && !this.options.format.pattern.test(value)) {
        problems.push(`${path}.values.${i} ${this.options.format.says}`);
      }
    });
    return problems;
  }

  compile(condition: RuleCondition): CompiledCondition {
    const normalize = this.options.normalize ?? ((v: string) => v);
    const wanted = new Set((condition.values ?? []).map(normalize));
    const read = this.options.read;
    return (subject) => {
      const value = read(subject);
      if (value === null) {
        return false;
      }
      if (typeof value === 'string') {
        return wanted.has(normalize(value));
      }
      return value.some((v) => wanted.has(normalize(v)));
    };
  }
}
