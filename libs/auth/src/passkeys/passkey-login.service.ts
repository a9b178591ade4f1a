import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, AuthenticatorTransportFuture } from '@simplewebauthn/server';
import { Repository } from 'typeorm';
import { User, UserPasskey } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuthService } from '../auth.service';
import { LoginThrottleService } from '../login-throttle.service';
import { TwoFactorChallengeService } from '../two-factor/two-factor-challenge.service';
import { PasskeyChallengeStore } from './passkey-challenge.store';
import type { RelyingParty } from './passkey-relying-party';
import type { PasskeyLoginDto } from './passkey.dto';

/** The second sign-in step with a passkey; a failed assertion counts against the per-e-mail lockout. */
@Injectable()
export class PasskeyLoginService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserPasskey) private readonly passkeys: Repository<UserPasskey>,
    private readonly auth: AuthService,
    private readonly challenges: TwoFactorChallengeService,
    private readonly passkeyChallenges: PasskeyChallengeStore,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Options for navigator.credentials.get(), limited to the user's passkeys; the challenge is good once. */
  async options(challengeToken: string, rp: RelyingParty) {
    const user = await this.challengedUser(challengeToken);
    await this.throttle.assertAllowed(user.email);
    const passkeys = await this.passkeys.find({ where: { userId: user.id }, select: ['credentialId', 'transports'] });
    if (!passkeys.length) {
      throw new DomainError(ErrorCode.PasskeyNone);
    }
    const challenge = await this.passkeyChallenges.issue(user.id, 'authentication');
    return generateAuthenticationOptions({
      rpID: rp.rpID,
      challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
      allowCredentials: passkeys.map((p) => ({
        id: p.credentialId,
        transports: p.transports as AuthenticatorTransportFuture[],
      })),
      userVerification: 'preferred',
    });
  }

  async complete(input: PasskeyLoginDto, rp: RelyingParty, ip: string | null, userAgent: string | null) {
    const user = await this.challengedUser(input.challengeToken);
    await this.throttle.assertAllowed(user.email);
    const refused = async () => {
      await this.throttle.record(user.email, false, ip);
      return new DomainError(ErrorCode.PasskeyNotVerified);
    };
    const passkey = await this.passkeys.findOne({ where: { userId: user.id, credentialId: input.credential.id } });
    if (!passkey) {
      throw await refused();
    }
    let newCounter: number;
    try {
      const result = await verifyAuthenticationResponse({
        response: input.credential as unknown as AuthenticationResponseJSON,
        // The stored challenge is deleted by this check, so an answer is never accepted twice.
        expectedChallenge: (challenge) => this.passkeyChallenges.consume(user.id, 'authentication', challenge),
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
          counter: Number(passkey.counter),
          transports: passkey.transports as AuthenticatorTransportFuture[],
        },
        requireUserVerification: false,
      });
      if (!result.verified) {
        throw new Error('signature');
      }
      newCounter = result.authenticationInfo.newCounter;
    } catch {
      throw await refused();
    }
    // The counter must rise (authenticators that keep none always send 0); conditional, so two racing answers cannot both pass.
    const [, updated] = await this.passkeys.query(
      `UPDATE user_passkey SET counter = $2, last_used_at = now()
        WHERE id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0))`,
      [passkey.id, newCounter],
    );
    if (Number(updated) !== 1) {
      throw await refused();
    }
    await this.throttle.record(user.email, true, ip);
    const session = await this.auth.openSession(user, { ip, userAgent, authMethod: 'password+passkey' });
    return { session, passkey: { id: passkey.id, name: passkey.name } };
  }

  private async challengedUser(challengeToken: string): Promise<User> {
    const expired = () => new DomainError(ErrorCode.SignInStepExpired);
    const userId = this.challenges.verify(challengeToken);
    if (!userId) {
      throw expired();
    }
    const user = await this.users.findOne({
      where: { id: userId, active: true },
      select: ['id', 'organizationId', 'email', 'displayName', 'roles', 'locale', 'tokenVersion'],
    });
    if (!user) {
      throw expired();
    }
    return user;
  }
}
