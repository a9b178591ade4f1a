import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UserRole } from '@civic/domain';

/** An API token as listed: its prefix, never the secret or its hash. */
@ApiSchema({ name: 'ApiTokenView' })
export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters, to recognise the token' }) tokenPrefix: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole', isArray: true }) roles: UserRole[];
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) lastUsedAt: Date | null;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) revokedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}
