/** Who changes office hours or holidays: a signed-in administrator. */
export interface OfficeHoursActor {
  organizationId: string;
  userId: string | null;
  /** E-mail of the user. */
  label: string;
}
