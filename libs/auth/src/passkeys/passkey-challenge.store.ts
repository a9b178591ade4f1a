import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { PasskeyChallenge } from '@civic/domain';

export type PasskeyChallengePurpose = 'registration' | 'authentication';
export const PASSKEY_CHALLENGE_TTL_SECONDS = 5 * 60;

/** WebAuthn challenges kept server-side; the first answer that names one deletes it, so none is used twice. */
@Injectable()
export class PasskeyChallengeStore {
  constructor(@InjectRepository(PasskeyChallenge) private readonly challenges: Repository<PasskeyChallenge>) {}

  async issue(userId: string, purpose: PasskeyChallengePurpose): Promise<string> {
    await this.challenges.delete({ expiresAt: LessThan(new Date()) });
    const challenge = randomBytes(32).toString('base64url');
    await this.challenges.insert({
      challenge,
      userId,
      purpose,
      expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_TTL_SECONDS * 1000),
    });
    return challenge;
  }

  /** True once for a live challenge issued to this user for this purpose; it is gone afterwards. */
  async consume(userId: string, purpose: PasskeyChallengePurpose, challenge: string): Promise<boolean> {
    const [, deleted] = await this.challenges.query(
      'DELETE FROM passkey_challenge WHERE challenge = $1 AND user_id = $2 AND purpose = $3 AND expires_at > now()',
      [challenge, userId, purpose],
    );
    return Number(deleted) === 1;
  }
}
