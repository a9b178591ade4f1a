import type { OfficeCalendar } from '@civic/office-hours';
import type { RuleCondition, RuleConditionType } from '../rule-condition';
import type { CompiledCondition, ConditionEvaluator } from './condition-evaluator';

/** The message arrived within (or outside) the organization's office hours, holidays included. */
export class OfficeHoursEvaluator implements ConditionEvaluator {
  constructor(
    readonly type: RuleConditionType,
    private readonly wantOpen: boolean,
    private readonly calendar: OfficeCalendar,
  ) {}

  problems(_condition: RuleCondition, _path: string): string[] {
    return [];
  }

  compile(_condition: RuleCondition): CompiledCondition {
    return async (subject) =>
      (await this.calendar.isOpen(subject.organizationId, subject.occurredAt)) === this.wantOpen;
  }
}
