import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'RecoveryCodes' })
export class RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'Shown once' }) recoveryCodes: string[];
}
