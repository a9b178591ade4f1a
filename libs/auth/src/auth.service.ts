import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '@civic/domain';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from './access-token.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { REFRESH_TOKEN_TTL_SECONDS, RefreshTokenService } from './refresh-token.service';

const USER_FIELDS: (keyof User)[] = ['id', 'organizationId', 'email', 'displayName', 'roles', 'locale'];

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async login(rawEmail: string, password: string, ip: string | null = null) {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email);
    const user = await this.users.findOne({ where: { email, active: true }, select: [...USER_FIELDS, 'passwordHash'] });
    // Same answer for an unknown e-mail and a wrong password, so accounts cannot be enumerated.
    if (!user || !(await PasswordHasher.verify(user.passwordHash, password))) {
      await this.throttle.record(email, false, ip);
      throw new UnauthorizedException('E-posta veya parola hatalı / Wrong e-mail or password');
    }
    await this.throttle.record(email, true, ip);
    return this.session(user, await this.refreshTokens.issue(user));
  }

  async refresh(refreshToken: string) {
    const outcome = await this.refreshTokens.rotate(refreshToken);
    const invalid = () => new UnauthorizedException('Oturum süresi doldu, tekrar giriş yapın / Session expired, sign in again');
    if (!outcome.ok) throw invalid();
    const user = await this.users.findOne({ where: { id: outcome.userId, active: true }, select: USER_FIELDS });
    if (!user) {
      await this.refreshTokens.revoke(outcome.token);
      throw invalid();
    }
    return this.session(user, outcome.token);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  private session(user: User, refreshToken: string) {
    return {
      accessToken: this.tokens.issue(user),
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
      user: { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, organizationId: user.organizationId, locale: user.locale },
    };
  }
}
