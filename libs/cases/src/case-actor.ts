/** Who changes a case: a signed-in user, the system (forward worker) or an external body (signed webhook). */
export interface CaseActor {
  organizationId: string;
  userId: string | null;
  /** E-mail of the user, "system" or "body:<name>". */
  label: string;
}
