import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AttachmentType } from '@civic/domain';
import type { ReplyUploadView } from '@civic/replies';

/** POST /api/v1/conversations/:id/reply-attachments: the stored file, to name in a reply's attachmentIds. */
@ApiSchema({ name: 'ReplyUpload' })
export class ReplyUploadResponse implements ReplyUploadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AttachmentType, enumName: 'AttachmentType' }) type: AttachmentType;
  @ApiProperty({ example: 'image/jpeg' }) mimeType: string;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ description: 'Bytes' }) size: number;
}

@ApiSchema({ name: 'ReplyMediaRule' })
export class ReplyMediaRuleResponse {
  @ApiProperty({ enum: AttachmentType, enumName: 'AttachmentType' }) type: AttachmentType;
  @ApiProperty({ type: [String], example: ['image/jpeg', 'image/png'] }) mimeTypes: string[];
  @ApiProperty({ description: 'Largest file in bytes' }) maxBytes: number;
}

/** GET /api/v1/conversations/:id/reply-attachments/limits: what the picker may offer, checked again on upload. */
@ApiSchema({ name: 'ReplyMediaLimits' })
export class ReplyMediaLimitsResponse {
  @ApiProperty({ description: 'Whether replies here can carry files at all' }) allowed: boolean;
  @ApiProperty({ type: [ReplyMediaRuleResponse] }) rules: ReplyMediaRuleResponse[];
  @ApiProperty() maxCount: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why none are allowed (English, from the channel)',
  })
  refusal: string | null;
}
