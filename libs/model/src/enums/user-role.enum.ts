export enum UserRole {
  Admin = 'admin',
  Officer = 'officer',
  MayorOffice = 'mayor_office',
  Auditor = 'auditor',
  /** A directorate (müdürlük) user: only their department's cases and those cases' messages (issue 26). */
  Directorate = 'directorate',
}
