import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { LegalHoldView } from '@civic/audit';
import { Channel } from '@civic/domain';

@ApiSchema({ name: 'LegalHoldView' })
export class LegalHoldViewResponse implements LegalHoldView {
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placedByUserId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The placer's display name" }) placedBy: string | null;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ type: String, nullable: true }) contactHandle: string | null;
}
