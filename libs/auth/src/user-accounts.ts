import type { EntityManager } from 'typeorm';
import { Organization, User, UserRole } from '@civic/domain';
import { slugify } from './admin-bootstrap.service';
import { PasswordHasher } from './password-hasher';

export const PASSWORD_MIN_LENGTH = 10;

export class UserAccountError extends Error {}

export interface NewUserAccount {
  email: string;
  password: string;
  roles: UserRole[];
  displayName?: string;
  locale?: 'tr' | 'en';
  /** Organization by name, created when missing; defaults to the oldest organization (or ORGANIZATION_NAME when none exists). */
  organizationName?: string;
  defaultOrganizationName?: string;
}

/** Creates a user (and, if needed, its organization). Shared by the CLI; the users API scopes by the caller's organization instead. */
export async function createUserAccount(manager: EntityManager, input: NewUserAccount): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new UserAccountError(`Not an e-mail address: ${input.email}`);
  }
  if (input.password.length < PASSWORD_MIN_LENGTH) {
    throw new UserAccountError(`The password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const unknown = input.roles.filter((role) => !Object.values(UserRole).includes(role));
  if (input.roles.length === 0 || unknown.length > 0) {
    throw new UserAccountError(`Roles must be some of: ${Object.values(UserRole).join(', ')}`);
  }
  if (await manager.getRepository(User).exist({ where: { email } })) {
    throw new UserAccountError(`A user with e-mail ${email} already exists`);
  }
  const organizations = manager.getRepository(Organization);
  let organization = input.organizationName
    ? await organizations.findOne({ where: { name: input.organizationName } })
    : await organizations.findOne({ where: {}, order: { createdAt: 'ASC' } });
  const name = input.organizationName ?? input.defaultOrganizationName ?? 'Örnek Belediyesi';
  organization ??= await organizations.save({ name, slug: await uniqueSlug(manager, slugify(name)) });
  return manager.getRepository(User).save({
    organizationId: organization.id,
    email,
    displayName: input.displayName ?? email.split('@')[0],
    roles: [...new Set(input.roles)],
    locale: input.locale ?? 'tr',
    passwordHash: await PasswordHasher.hash(input.password),
  });
}

async function uniqueSlug(manager: EntityManager, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await manager.getRepository(Organization).exist({ where: { slug } }))) {
      return slug;
    }
  }
}
