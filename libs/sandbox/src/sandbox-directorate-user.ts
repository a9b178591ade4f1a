import type { DataSource } from 'typeorm';
import { DEMO_ADMIN, PasswordHasher } from '@civic/auth';
import { UserRole } from '@civic/domain';

/** The demo's directorate (müdürlük) sign-in: Fen İşleri's queue, with the demo administrator's password. */
export const DEMO_DIRECTORATE = {
  email: 'fen@belediye.local',
  displayName: 'Fen İşleri Müdürlüğü',
  department: 'Fen İşleri',
} as const;

/**
 * Adds the demo directorate user once Fen İşleri exists (the case catalogue is seeded by another
 * module's bootstrap): only in an organization whose administrator is the demo sign-in, so a real
 * deployment never gets a known password. Returns false while the department is not there yet.
 */
export async function ensureDemoDirectorateUser(dataSource: DataSource, organizationId: string): Promise<boolean> {
  const [demo] = await dataSource.query(`SELECT 1 FROM app_user WHERE organization_id = $1 AND email = $2`, [
    organizationId,
    DEMO_ADMIN.email,
  ]);
  if (!demo) {
    return true;
  }
  const [department] = await dataSource.query(
    `SELECT id FROM department WHERE organization_id = $1 AND name = $2 AND kind = 'department' AND active`,
    [organizationId, DEMO_DIRECTORATE.department],
  );
  if (!department) {
    return false;
  }
  await dataSource.query(
    `INSERT INTO app_user (organization_id, email, display_name, roles, department_id, password_hash, locale)
     VALUES ($1, $2, $3, $4::text[], $5, $6, 'tr') ON CONFLICT (email) DO NOTHING`,
    [
      organizationId,
      DEMO_DIRECTORATE.email,
      DEMO_DIRECTORATE.displayName,
      [UserRole.Directorate],
      department.id,
      await PasswordHasher.hash(DEMO_ADMIN.password),
    ],
  );
  return true;
}
