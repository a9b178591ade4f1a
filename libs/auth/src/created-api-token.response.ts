import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ApiTokenResponse } from './api-token.response';

@ApiSchema({ name: 'CreatedApiToken' })
export class CreatedApiTokenResponse extends ApiTokenResponse {
  @ApiProperty({ description: 'The secret: shown once' }) token: string;
}
