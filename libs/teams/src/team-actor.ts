/** Who changes teams or availability: named in the audit trail. */
export interface TeamActor {
  organizationId: string;
  userId: string;
}
