import type { ConversationAction } from '@civic/automation';
import type { AutomationRuleEvent } from './automation-rule-event';
import type { RuleCondition, RuleMatchMode } from './rule-condition';

/** A rule as an administrator writes it (saved, or only tried). */
export interface AutomationRuleDefinition {
  name: string;
  event: AutomationRuleEvent;
  match: RuleMatchMode;
  conditions: RuleCondition[];
  actions: ConversationAction[];
  stopHere: boolean;
}

/** A saved rule. */
export interface AutomationRuleView extends AutomationRuleDefinition {
  id: string;
  position: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** How many times it fired, and when last. */
  firings: number;
  lastFiredAt: string | null;
}
