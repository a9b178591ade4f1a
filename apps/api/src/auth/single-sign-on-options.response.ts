import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'SingleSignOnOrganization' })
export class SingleSignOnOrganizationResponse {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Password sign-in is still allowed' }) passwordSignIn: boolean;
}

/** GET /api/v1/auth/sso: organizations offering single sign-on on the sign-in screen. */
@ApiSchema({ name: 'SingleSignOnOptions' })
export class SingleSignOnOptionsResponse {
  @ApiProperty({ type: [SingleSignOnOrganizationResponse] }) organizations: SingleSignOnOrganizationResponse[];
}
