import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from './access-token.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { REFRESH_TOKEN_TTL_SECONDS, RefreshTokenService } from './refresh-token.service';
import { SessionMeta, SessionService } from './sessions/session.service';
import { PasswordSignInPolicy } from './sso/password-sign-in-policy.service';
import { TWO_FACTOR_CHALLENGE_TTL_SECONDS, TwoFactorChallengeService } from './two-factor/two-factor-challenge.service';
import { TwoFactorPolicyService } from './two-factor/two-factor-policy.service';
import { SecondFactorMethod, TwoFactorService } from './two-factor/two-factor.service';

const USER_FIELDS: (keyof User)[] = ['id', 'organizationId', 'email', 'displayName', 'roles', 'locale', 'tokenVersion'];

/** The password was right; the second step (POST /auth/login/two-factor) completes the sign-in. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
  challengeToken: string;
  expiresIn: number;
  methods: SecondFactorMethod[];
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly passwordSignIn: PasswordSignInPolicy,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
    private readonly challenges: TwoFactorChallengeService,
    private readonly twoFactorPolicy: TwoFactorPolicyService,
  ) {}

  async login(rawEmail: string, password: string, ip: string | null = null, userAgent: string | null = null) {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email);
    const user = await this.users.findOne({ where: { email, active: true }, select: [...USER_FIELDS, 'passwordHash'] });
    // Same answer for an unknown e-mail and a wrong password, so accounts cannot be enumerated.
    // Verified even without a user (against a dummy hash): an unknown e-mail must not answer faster.
    if (!(await PasswordHasher.verify(user?.passwordHash, password)) || !user) {
      await this.throttle.record(email, false, ip);
      throw new DomainError(ErrorCode.WrongCredentials);
    }
    // Checked after the password, so the answer reveals nothing about an e-mail to whoever lacks it.
    await this.passwordSignIn.assertAllowed(user);
    // With two-factor the password alone is no success: the lockout keeps counting until the second step.
    const methods = await this.twoFactor.methods(user.id);
    if (methods.length) {
      return this.challenge(user, methods);
    }
    await this.throttle.record(email, true, ip);
    return this.openSession(user, { ip, userAgent, authMethod: 'password' });
  }

  /** A new session (refresh-token family) and its first tokens, for a user who has proved who they are. */
  async openSession(user: User, meta: SessionMeta) {
    const session = await this.sessions.start(user, meta);
    return this.session(user, await this.refreshTokens.issue(user, session.id), session.id);
  }

  async refresh(refreshToken: string) {
    const outcome = await this.refreshTokens.rotate(refreshToken);
    const invalid = () => new DomainError(ErrorCode.SessionExpired);
    if (!outcome.ok) {
      throw invalid();
    }
    const user = await this.users.findOne({ where: { id: outcome.userId, active: true }, select: USER_FIELDS });
    if (!user) {
      await this.refreshTokens.revoke(outcome.token);
      throw invalid();
    }
    return this.session(user, outcome.token, outcome.sessionId);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  private challenge(user: User, methods: SecondFactorMethod[]): TwoFactorChallenge {
    return {
      twoFactorRequired: true,
      challengeToken: this.challenges.issue(user.id),
      expiresIn: TWO_FACTOR_CHALLENGE_TTL_SECONDS,
      methods,
    };
  }

  private async session(user: User, refreshToken: string, sessionId: string) {
    const twoFactorEnrolmentRequired = await this.twoFactorPolicy.requiresEnrolment(user);
    return {
      accessToken: this.tokens.issue(user, sessionId),
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        organizationId: user.organizationId,
        locale: user.locale,
        twoFactorEnrolmentRequired,
      },
    };
  }
}
