import { createHmac, createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SecretsService } from '../secrets.service';

export const TWO_FACTOR_CHALLENGE_TTL_SECONDS = 5 * 60;

/**
 * The short-lived token between the password and the second step. Signed with a key derived from
 * JWT_SECRET for this purpose only, so it can never pass as an access token.
 */
@Injectable()
export class TwoFactorChallengeService {
  private readonly jwt: JwtService;

  constructor(secrets: SecretsService) {
    const key = createHmac('sha256', secrets.jwtSecret).update('civic-inbox two-factor challenge').digest();
    this.jwt = new JwtService({
      secret: createSecretKey(key) as unknown as string,
      signOptions: { expiresIn: TWO_FACTOR_CHALLENGE_TTL_SECONDS, algorithm: 'HS256' },
    });
  }

  issue(userId: string): string {
    return this.jwt.sign({ sub: userId, purpose: 'two-factor' });
  }

  /** The user id, or null for a forged, expired or foreign token. */
  verify(token: string): string | null {
    try {
      const payload = this.jwt.verify<{ sub: string; purpose: string }>(token, { algorithms: ['HS256'] });
      return payload.purpose === 'two-factor' && typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
