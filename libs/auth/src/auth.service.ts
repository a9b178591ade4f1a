import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '@civic/domain';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from './access-token.service';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: AccessTokenService,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.findOne({
      where: { email: email.trim().toLowerCase(), active: true },
      select: ['id', 'organizationId', 'email', 'displayName', 'roles', 'passwordHash', 'locale'],
    });
    // Same answer for an unknown e-mail and a wrong password, so accounts cannot be enumerated.
    if (!user || !(await PasswordHasher.verify(user.passwordHash, password))) {
      throw new UnauthorizedException('E-posta veya parola hatalı / Wrong e-mail or password');
    }
    return {
      accessToken: this.tokens.issue(user),
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, organizationId: user.organizationId, locale: user.locale },
    };
  }
}
