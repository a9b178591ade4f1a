import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class MentionDigestQuery {
  @ApiPropertyOptional({ example: '2026-11-22', description: 'day summarized (Europe/Istanbul); default: yesterday' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}
