import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DeliveryState, MessageDirection, MessageKind } from '@civic/domain';
import type { ReplyResponse } from '@civic/replies';
import { AttachmentResponse } from '../inbox/thread-item.response';

/** POST /api/v1/replies: the queued outbound message; delivery follows on the live stream. */
@ApiSchema({ name: 'Reply' })
export class SentReplyResponse implements ReplyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: MessageDirection, enumName: 'MessageDirection' }) direction: MessageDirection;
  @ApiProperty({ enum: MessageKind, enumName: 'MessageKind' }) kind: MessageKind;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: [AttachmentResponse] }) attachments: AttachmentResponse[];
  @ApiProperty({ enum: DeliveryState, enumName: 'DeliveryState' }) deliveryState: DeliveryState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) inReplyToMessageId: string | null;
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}
