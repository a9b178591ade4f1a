import type { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import type { UserRole } from '@civic/domain';
import { createUserAccount, UserAccountError } from '../user-accounts';
import type { AuthCliCommand } from './auth-cli-command';
import { parseCliFlags } from './cli-flags';
import { withAuthCliDatabase } from './with-auth-cli-database';

const USAGE =
  'user:create --email <e-mail> --password <password> --role <admin|officer|mayor_office|auditor> [--role …] [--org "Name"] [--name "Display name"]';

/** Creates a user; the way to the first administrator in production when ADMIN_EMAIL is not used. */
export async function runUserCreate(
  dataSource: DataSource,
  config: AppConfig,
  args: string[],
  out: (line: string) => void = console.log,
): Promise<number> {
  let flags: Map<string, string[]>;
  try {
    flags = parseCliFlags(args);
  } catch (error) {
    out(`${(error as Error).message}\nusage: ${USAGE}`);
    return 2;
  }
  const email = flags.get('email')?.[0];
  const password = flags.get('password')?.[0];
  const roles = (flags.get('role') ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()) as UserRole[];
  if (!email || !password || roles.length === 0) {
    out(`usage: ${USAGE}`);
    return 2;
  }
  try {
    const user = await dataSource.transaction((manager) =>
      createUserAccount(manager, {
        email,
        password,
        roles,
        displayName: flags.get('name')?.[0],
        organizationName: flags.get('org')?.[0],
        defaultOrganizationName: config.env.ORGANIZATION_NAME,
      }),
    );
    out(`Created ${user.email} (${user.roles.join(', ')}) in organization ${user.organizationId}`);
    return 0;
  } catch (error) {
    if (error instanceof UserAccountError) {
      out(error.message);
      return 1;
    }
    throw error;
  }
}

export const userCreateCommand: AuthCliCommand = {
  name: 'user:create',
  usage: USAGE,
  run: (args) => {
    const config = new AppConfig();
    return withAuthCliDatabase(config, (dataSource) => runUserCreate(dataSource, config, args));
  },
};
