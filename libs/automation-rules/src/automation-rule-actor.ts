/** Who changes rules: named in the audit trail. */
export interface AutomationRuleActor {
  organizationId: string;
  userId: string;
  label: string;
}
