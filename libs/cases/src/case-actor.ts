import type { AccountScope } from '@civic/auth';

/** Who changes a case: a signed-in user, the system (forward worker) or an external body (signed webhook). */
export interface CaseActor {
  organizationId: string;
  /** The cases the actor may reach: the caller's grants, or AccountScope.wholeOrganization for the system and external bodies. */
  scope: AccountScope;
  userId: string | null;
  /** E-mail of the user, "system" or "body:<name>". */
  label: string;
  /** Set when an automation rule acts: 1 + the depth of the event it fired on (case events stop after one rule-made step). */
  automationDepth?: number;
}
