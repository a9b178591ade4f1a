import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel, DeliveryState, MessageDirection, MessageKind } from '@civic/domain';
import { AttachmentResponse } from './thread-item.response';

@ApiSchema({ name: 'ContactHistoryItem' })
export class ContactHistoryItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ description: 'Channel account name' }) account: string;
  @ApiProperty({ enum: MessageDirection, enumName: 'MessageDirection' }) direction: MessageDirection;
  @ApiProperty({ enum: MessageKind, enumName: 'MessageKind' }) kind: MessageKind;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: [AttachmentResponse] }) attachments: AttachmentResponse[];
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty() deleted: boolean;
  @ApiProperty() edited: boolean;
  @ApiProperty({ enum: DeliveryState, enumName: 'DeliveryState', nullable: true }) deliveryState: DeliveryState | null;
}

/** GET /api/v1/contacts/:id/history: the person's messages across linked identities, newest first. */
@ApiSchema({ name: 'ContactHistory' })
export class ContactHistoryResponse {
  @ApiProperty({ type: [String], format: 'uuid' }) contactIds: string[];
  @ApiProperty({ type: [ContactHistoryItemResponse] }) items: ContactHistoryItemResponse[];
}
