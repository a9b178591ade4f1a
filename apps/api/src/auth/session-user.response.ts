import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UserRole } from '@civic/domain';

@ApiSchema({ name: 'SessionUser' })
export class SessionUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole', isArray: true }) roles: UserRole[];
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: ['tr', 'en'] }) locale: string;
  @ApiProperty({ description: 'The organization requires two-factor for one of the roles and the user has none yet' })
  twoFactorEnrolmentRequired: boolean;
}
