export enum UserRole {
  Admin = 'admin',
  Officer = 'officer',
  MayorOffice = 'mayor_office',
  Auditor = 'auditor',
}
