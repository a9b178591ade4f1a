import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { AuthPrincipal } from '@civic/auth';
import { UserRole } from '@civic/domain';

/** GET /api/v1/auth/me: who the token belongs to. */
@ApiSchema({ name: 'AuthPrincipal' })
export class PrincipalResponse implements AuthPrincipal {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole', isArray: true }) roles: UserRole[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "A directorate user's department" })
  departmentId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Set when signed in with an API token' }) apiTokenId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiPropertyOptional() twoFactorEnrolmentRequired?: boolean;
}
