import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ConversationActionDto } from '@civic/automation';
import { AUTOMATION_RULE_EVENTS, AutomationRuleEvent } from '@civic/automation-rules';
import type { AutomationRuleView, RuleMatchMode } from '@civic/automation-rules';
import { RuleConditionDto } from './rule-condition.dto';

@ApiSchema({ name: 'AutomationRule' })
export class AutomationRuleResponse implements AutomationRuleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Order among the rules, 1 first' }) position: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: AUTOMATION_RULE_EVENTS }) event: AutomationRuleEvent;
  @ApiProperty({ enum: ['all', 'any'] }) match: RuleMatchMode;
  @ApiProperty({ type: [RuleConditionDto] }) conditions: AutomationRuleView['conditions'];
  @ApiProperty({ type: [ConversationActionDto] }) actions: AutomationRuleView['actions'];
  @ApiProperty() stopHere: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'How many times the rule fired' }) firings: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastFiredAt: string | null;
}
