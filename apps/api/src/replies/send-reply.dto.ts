import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AttachmentType } from '@civic/domain';
import { ReplyRequest } from '@civic/replies';

const SENDABLE_MEDIA = [
  AttachmentType.Image,
  AttachmentType.Video,
  AttachmentType.Audio,
  AttachmentType.Document,
  AttachmentType.Sticker,
];

export class ReplyMediaDto {
  @ApiProperty({ enum: SENDABLE_MEDIA })
  @IsEnum(SENDABLE_MEDIA, { message: `media.type must be one of: ${SENDABLE_MEDIA.join(', ')}` })
  type: AttachmentType;

  @ApiProperty({
    description: 'Public https URL the channel downloads the file from',
    example: 'https://belediye.example/duyuru.jpg',
  })
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(2048)
  url: string;
}

export class ReplyTemplateDto {
  @ApiProperty({ example: 'basvuru_alindi' })
  @IsString()
  @Length(1, 512)
  name: string;

  @ApiProperty({ example: 'tr' })
  @IsString()
  @Length(2, 15)
  language: string;

  @ApiPropertyOptional({ type: [String], example: ['Ayşe Hanım', '2026-1184'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  parameters?: string[];
}

/** POST /api/v1/conversations/:id/replies */
export class SendReplyDto implements ReplyRequest {
  @ApiPropertyOptional({
    description: 'Reply text (at most 64 KiB; each channel has its own, smaller limit)',
    example: 'Merhaba, talebiniz ilgili birime iletilmiştir.',
  })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ type: [ReplyMediaDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ReplyMediaDto)
  media?: ReplyMediaDto[];

  @ApiPropertyOptional({
    type: ReplyTemplateDto,
    description: 'WhatsApp approved template (needed outside the 24-hour window)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReplyTemplateDto)
  template?: ReplyTemplateDto;

  @ApiPropertyOptional({ description: 'Answer a public comment with a private message to its author' })
  @IsOptional()
  @IsBoolean()
  privateReply?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Files uploaded to POST /api/v1/conversations/:id/reply-attachments, sent in this order',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  @ApiPropertyOptional({ description: 'The message to answer; default: the latest citizen message of a public thread' })
  @IsOptional()
  @IsUUID()
  inReplyToMessageId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The latest message the sender was shown. If another officer replied since (or holds a reply for approval), the answer is 409 reply.collision and nothing is sent; without it, nothing is checked',
  })
  @IsOptional()
  @IsUUID()
  seenUpToMessageId?: string;

  @ApiPropertyOptional({ description: 'Send although reply.collision was answered (the sender confirmed)' })
  @IsOptional()
  @IsBoolean()
  confirmCollision?: boolean;
}
