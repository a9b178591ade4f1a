import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User, UserRole } from '@civic/domain';
import { AuthPrincipal } from './auth-principal';
import { SecretsService } from './secrets.service';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Short-lived signed access tokens; a disabled user's tokens stop working at once. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(
    secrets: SecretsService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public
    // key on every call and catches the failure, which cost more than the rest of an API request.
    const key = createSecretKey(Buffer.from(secrets.jwtSecret, 'utf8')) as unknown as string;
    this.jwt = new JwtService({ secret: key, signOptions: { expiresIn: ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' } });
  }

  issue(user: Pick<User, 'id' | 'organizationId' | 'email' | 'roles'>): string {
    return this.jwt.sign({ sub: user.id, org: user.organizationId, email: user.email, roles: user.roles });
  }

  async verify(token: string): Promise<AuthPrincipal | null> {
    let payload: { sub: string; org: string; email: string; roles: UserRole[] };
    try {
      payload = this.jwt.verify(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    // Checked on every request (so a disabled user is out at once): plain SQL, no ORM overhead.
    const [user] = await this.users.query('SELECT id, organization_id, email, roles FROM app_user WHERE id = $1 AND active', [payload.sub]);
    if (!user) return null;
    return { userId: user.id, organizationId: user.organization_id, email: user.email, roles: user.roles };
  }
}
