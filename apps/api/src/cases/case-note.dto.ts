import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/v1/cases/:id/start and /reopen */
export class CaseNoteDto {
  @ApiPropertyOptional({ example: 'Ekip sahaya çıktı.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
