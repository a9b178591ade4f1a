import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'TwoFactorStatus' })
export class TwoFactorStatusResponse {
  @ApiProperty() totpEnabled: boolean;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) totpEnabledAt: Date | null;
  @ApiProperty() recoveryCodesLeft: number;
  @ApiProperty({ description: 'Registered passkeys (each counts as a second factor)' }) passkeys: number;
  @ApiProperty() enrolmentRequired: boolean;
  @ApiProperty() requiredByOrganization: boolean;
}
