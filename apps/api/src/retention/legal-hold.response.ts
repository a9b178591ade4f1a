import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** POST /api/v1/conversations/:id/legal-hold. */
@ApiSchema({ name: 'LegalHold' })
export class LegalHoldResponse {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placedByUserId: string | null;
  @ApiProperty({ format: 'date-time' }) placedAt: Date;
}
