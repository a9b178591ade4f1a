import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UserRole } from '@civic/domain';

@ApiSchema({ name: 'SingleSignOnGroupMapping' })
export class SingleSignOnGroupMappingResponse {
  @ApiProperty() group: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole', isArray: true }) roles: UserRole[];
  @ApiProperty({ type: [String], format: 'uuid' }) channelAccountIds: string[];
}

/** The organization's OpenID Connect settings; never the client secret. */
@ApiSchema({ name: 'SingleSignOnSettingsView' })
export class SingleSignOnSettingsResponse {
  @ApiProperty({ description: 'Register this at the identity provider' }) redirectUri: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: String, nullable: true }) issuerUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId: string | null;
  @ApiProperty() hasClientSecret: boolean;
  @ApiProperty() scopes: string;
  @ApiProperty() groupsClaim: string;
  @ApiProperty({ type: [SingleSignOnGroupMappingResponse] }) groupMappings: SingleSignOnGroupMappingResponse[];
  @ApiProperty() createUsers: boolean;
  @ApiProperty() passwordSignInDisabled: boolean;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) updatedAt: Date | null;
}
