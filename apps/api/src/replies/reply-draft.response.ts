import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';
import type { ReplyDraftView } from '@civic/replies';
import { AttachmentResponse } from '../inbox/thread-item.response';

/** A reply held for approval (POST …/replies answers 202 with it; GET /api/v1/reply-drafts lists them). */
@ApiSchema({ name: 'ReplyDraft' })
export class ReplyDraftResponse implements ReplyDraftView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ format: 'uuid' }) channelAccountId: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: [AttachmentResponse] }) attachments: AttachmentResponse[];
  @ApiProperty({ type: String, nullable: true, description: "The WhatsApp template's name (text not editable)" })
  template: string | null;
  @ApiProperty({ enum: ['pending', 'returned', 'sent'], enumName: 'ReplyDraftState' })
  state: 'pending' | 'returned' | 'sent';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewerUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewerName: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The outbound message once approved' })
  messageId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
