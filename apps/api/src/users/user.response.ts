import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UserRole } from '@civic/domain';

/** A user of the organization, with the channel accounts granted (empty: all). */
@ApiSchema({ name: 'UserView' })
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole', isArray: true }) roles: UserRole[];
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['tr', 'en'] }) locale: string;
  @ApiProperty() tokenVersion: number;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) channelAccountIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "A directorate user's department" })
  departmentId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
