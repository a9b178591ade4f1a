import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CitizenNoticeKind } from '@civic/citizen-loop';

/** POST /api/v1/citizen-messages/preview */
export class PreviewCitizenMessageDto {
  @ApiProperty({ enum: CitizenNoticeKind, enumName: 'CitizenNoticeKind' })
  @IsIn(Object.values(CitizenNoticeKind))
  kind: CitizenNoticeKind;

  @ApiProperty({ enum: ['tr', 'en'] })
  @IsIn(['tr', 'en'])
  language: 'tr' | 'en';

  @ApiPropertyOptional({ description: 'A draft text to preview before saving; default: the saved text' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  text?: string;
}
