import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** GET /api/v1/cases/suggest */
export class SuggestCaseQuery {
  @ApiProperty() @IsUUID() conversationId: string;
  @ApiPropertyOptional({ description: 'Only this message’s text' }) @IsOptional() @IsUUID() messageId?: string;
}
