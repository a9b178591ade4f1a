import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A user an auditor can narrow the trail to. */
@ApiSchema({ name: 'AuditActorView' })
export class AuditActorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}
