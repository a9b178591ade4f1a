import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { TwoFactorPolicyView } from '@civic/auth';
import { UserRole } from '@civic/domain';

@ApiSchema({ name: 'TwoFactorPolicy' })
export class TwoFactorPolicyResponse implements TwoFactorPolicyView {
  @ApiProperty() enforced: boolean;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole', isArray: true }) roles: UserRole[];
}
