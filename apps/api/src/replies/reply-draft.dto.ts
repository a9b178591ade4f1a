import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REPLY_TEXT_MAX_BYTES } from '@civic/replies';

const COMMENT_MAX = 2000;

/** GET /api/v1/reply-drafts: the approver's queue (state=pending) or one conversation's drafts. */
export class ListReplyDraftsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'returned', 'sent'] })
  @IsOptional()
  @IsEnum(['pending', 'returned', 'sent'], { message: 'state must be pending, returned or sent' })
  state?: 'pending' | 'returned' | 'sent';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  conversationId?: string;
}

/** Approve, optionally with the approver's edit; or resubmit a returned draft, optionally edited. */
export class EditReplyDraftDto {
  @ApiPropertyOptional({ description: 'The edited reply text; omitted: the draft as it is' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPLY_TEXT_MAX_BYTES)
  text?: string;
}

export class ReturnReplyDraftDto {
  @ApiProperty({ description: 'What the author should change', maxLength: COMMENT_MAX })
  @IsString()
  @IsNotEmpty({ message: 'comment is required' })
  @MaxLength(COMMENT_MAX)
  comment: string;
}
