import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AttachmentType, DeliveryState, MessageDirection, MessageKind } from '@civic/domain';

@ApiSchema({ name: 'GeoLocation' })
export class GeoLocationResponse {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiPropertyOptional({ type: String, nullable: true }) name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) url?: string | null;
}

@ApiSchema({ name: 'ContactCard' })
export class ContactCardResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) phones: string[];
  @ApiPropertyOptional({ type: [String] }) emails?: string[];
}

@ApiSchema({ name: 'DerivedImage' })
export class DerivedImageResponse {
  @ApiProperty({ description: 'Width of the display copy (upright), pixels' }) width: number;
  @ApiProperty({ description: 'Height of the display copy (upright), pixels' }) height: number;
}

@ApiSchema({ name: 'Attachment' })
export class AttachmentResponse {
  @ApiProperty({ enum: AttachmentType, enumName: 'AttachmentType' }) type: AttachmentType;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Our stored copy behind the authorized media endpoint; null until downloaded',
  })
  url: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Signed link to the stored copy for <img src> (no bearer header), valid 5–10 minutes; in threads only',
  })
  mediaUrl?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) channelMediaId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) channelUrl?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mimeType?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) fileName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) caption?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mediaAssetId?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) size?: number | null;
  @ApiPropertyOptional({ enum: ['pending', 'stored', 'failed', 'erased'], nullable: true }) downloadState?:
    'pending' | 'stored' | 'failed' | 'erased' | null;
  @ApiPropertyOptional({ type: String, nullable: true }) downloadError?: string | null;
  @ApiPropertyOptional({ type: GeoLocationResponse, nullable: true }) location?: GeoLocationResponse | null;
  @ApiPropertyOptional({ type: ContactCardResponse, nullable: true }) contact?: ContactCardResponse | null;
  @ApiPropertyOptional({
    type: DerivedImageResponse,
    nullable: true,
    description:
      'A photo whose thumbnail and display copy (no EXIF) were made; the url serves the display copy, ?size=thumb the thumbnail',
  })
  derived?: DerivedImageResponse | null;
}

@ApiSchema({ name: 'MessageAuthor' })
export class MessageAuthorResponse {
  @ApiProperty({ format: 'uuid' }) contactId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
}

@ApiSchema({ name: 'MessageTemplate' })
export class MessageTemplateResponse {
  @ApiProperty() name: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: [String] }) parameters: string[];
}

@ApiSchema({ name: 'MessageEdit' })
export class MessageEditResponse {
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ format: 'date-time' }) editedAt: string;
}

/** A message of the thread (GET /conversations/:id/messages, type "message"). */
@ApiSchema({ name: 'MessageItem' })
export class MessageItemResponse {
  @ApiProperty({ enum: ['message'] }) type: 'message';
  @ApiProperty({ enum: [false] }) internal: false;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MessageDirection, enumName: 'MessageDirection' }) direction: MessageDirection;
  @ApiProperty({ enum: MessageKind, enumName: 'MessageKind' }) kind: MessageKind;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({
    type: MessageTemplateResponse,
    nullable: true,
    description: 'The approved WhatsApp template a reply was sent as (outside the 24-hour window)',
  })
  template: MessageTemplateResponse | null;
  @ApiProperty({ type: [AttachmentResponse] }) attachments: AttachmentResponse[];
  @ApiProperty({ type: GeoLocationResponse, nullable: true }) location: GeoLocationResponse | null;
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) parentExternalId: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: MessageAuthorResponse, nullable: true, description: 'The citizen, on inbound messages' })
  author: MessageAuthorResponse | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The officer, on replies sent from here' })
  authorUserId: string | null;
  @ApiProperty({ enum: DeliveryState, enumName: 'DeliveryState', nullable: true }) deliveryState: DeliveryState | null;
  @ApiProperty({ type: String, nullable: true }) deliveryError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveryUpdatedAt: string | null;
  @ApiProperty() edited: boolean;
  @ApiProperty({ type: [MessageEditResponse] }) editHistory: MessageEditResponse[];
  @ApiProperty() deleted: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

@ApiSchema({ name: 'NoteAuthor' })
export class NoteAuthorResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) displayName?: string | null;
}

/** An internal note interleaved in the thread (type "note", internal: true); also POST /conversations/:id/notes. */
@ApiSchema({ name: 'NoteItem' })
export class NoteItemResponse {
  @ApiProperty({ enum: ['note'] }) type: 'note';
  @ApiProperty({ enum: [true] }) internal: true;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: NoteAuthorResponse, nullable: true }) author: NoteAuthorResponse | null;
}
