import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PasskeyResponse } from './passkey.response';

@ApiSchema({ name: 'PasskeyRegistered' })
export class PasskeyRegisteredResponse {
  @ApiProperty({ type: PasskeyResponse }) passkey: PasskeyResponse;
  @ApiPropertyOptional({ type: [String], description: 'With the first second factor: shown once' })
  recoveryCodes?: string[];
}
