import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { SessionUserResponse } from './session-user.response';

/** A signed-in session: access and refresh tokens and who they belong to. */
@ApiSchema({ name: 'TokenResponse' })
export class TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'Seconds' }) expiresIn: number;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Seconds' }) refreshExpiresIn: number;
  @ApiProperty({ type: SessionUserResponse }) user: SessionUserResponse;
  @ApiPropertyOptional({ description: 'After signing in with a recovery code' }) recoveryCodesLeft?: number;
}
