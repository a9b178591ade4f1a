import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AuditTargetResponse } from './audit-target.response';

/** One entry of the hash-chained audit trail. */
@ApiSchema({ name: 'AuditEventView' })
export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'Position in the chain (bigint as text)' }) seq: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty() actorLabel: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The acting user's name today; null for the system, a channel or a deleted user",
  })
  actorName: string | null;
  @ApiProperty({ example: 'conversation.assigned' }) action: string;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: AuditTargetResponse, nullable: true }) target: AuditTargetResponse | null;
  @ApiProperty({ nullable: true, description: 'Any JSON value' }) before: unknown;
  @ApiProperty({ nullable: true, description: 'Any JSON value' }) after: unknown;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}
