import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { Organization, User, UserRole } from '@civic/domain';
import { PasswordHasher } from './password-hasher';

/** Development-only sign-in for the sandbox; never created when NODE_ENV=production. */
export const DEMO_ADMIN = { email: 'admin@belediye.local', password: 'civic-demo' };

/**
 * First start: when there is no user yet, create the organization and its first administrator
 * from ADMIN_EMAIL / ADMIN_PASSWORD (or, outside production, the demo sign-in).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL, ADMIN_PASSWORD, ORGANIZATION_NAME } = this.config.env;
    if ((await this.dataSource.getRepository(User).count()) > 0) {
      return;
    }
    let email = ADMIN_EMAIL;
    let password = ADMIN_PASSWORD;
    if (!email || !password) {
      if (this.config.isProduction) {
        this.logger.warn('No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD (or run `npm run cli -- user:create`)');
        return;
      }
      ({ email, password } = DEMO_ADMIN);
      this.logger.warn(`Development sign-in created: ${email} / ${password}`);
    }
    await this.createFirstAdmin(ORGANIZATION_NAME, email, password);
  }

  async createFirstAdmin(organizationName: string, email: string, password: string): Promise<User> {
    const passwordHash = await PasswordHasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      let organization = await manager.getRepository(Organization).findOne({ where: {}, order: { createdAt: 'ASC' } });
      organization ??= await manager
        .getRepository(Organization)
        .save({ name: organizationName, slug: slugify(organizationName) });
      return manager.getRepository(User).save({
        organizationId: organization.id,
        email: email.trim().toLowerCase(),
        displayName: 'Yönetici',
        roles: [UserRole.Admin],
        passwordHash,
      });
    });
  }
}

export function slugify(name: string): string {
  const folded = name
    .replace(/İ/g, 'i')
    .replace(/I/g, 'ı')
    .toLowerCase()
    .replace(/[çğıöşü]/g, (c) => ({ ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u' })[c]!);
  return (
    folded
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'belediye'
  );
}
