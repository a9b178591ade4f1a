import { Injectable } from '@nestjs/common';
import type { AutomationRuleDefinition } from './automation-rule-definition';
import { CompiledRule } from './compiled-rule';
import { ConditionEvaluatorRegistry } from './conditions/condition-evaluator.registry';
import { eventProblems } from './rule-event.capabilities';

/** Checks a rule's conditions against their evaluators and compiles them. */
@Injectable()
export class RuleCompiler {
  constructor(private readonly evaluators: ConditionEvaluatorRegistry) {}

  /**
   * Every problem of the conditions, each naming its field (`conditions.1.values.0 …`), and the
   * conditions and actions its event does not offer; empty when the rule can run.
   */
  problems(definition: Pick<AutomationRuleDefinition, 'conditions' | 'event' | 'actions'>): string[] {
    const own = definition.conditions.flatMap((condition, i) => {
      const evaluator = this.evaluators.get(condition.type);
      const path = `conditions.${i}`;
      if (!evaluator) {
        return [`${path}.type must be one of: ${this.evaluators.types().join(', ')}`];
      }
      return evaluator.problems(condition, path);
    });
    return [...own, ...eventProblems(definition.event, definition.conditions, definition.actions)];
  }

  compile(id: string, definition: AutomationRuleDefinition): CompiledRule {
    const conditions = definition.conditions.map((condition) => {
      const evaluator = this.evaluators.get(condition.type);
      if (!evaluator) {
        // A stored rule of a type this version no longer knows never matches rather than failing every message.
        return () => false;
      }
      return evaluator.compile(condition);
    });
    return new CompiledRule(
      id,
      definition.name,
      definition.match,
      conditions,
      definition.actions,
      definition.stopHere,
      new Set(definition.conditions.map((c) => c.type)),
    );
  }
}
