import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { TwoFactorChallenge } from '@civic/auth';

/** The password was right; a second factor completes the sign-in. */
@ApiSchema({ name: 'TwoFactorChallenge' })
export class TwoFactorChallengeResponse implements TwoFactorChallenge {
  @ApiProperty({ enum: [true] }) twoFactorRequired: true;
  @ApiProperty() challengeToken: string;
  @ApiProperty({ description: 'Seconds' }) expiresIn: number;
  @ApiProperty({ enum: ['totp', 'passkey', 'recovery'], isArray: true }) methods: ('totp' | 'passkey' | 'recovery')[];
}
