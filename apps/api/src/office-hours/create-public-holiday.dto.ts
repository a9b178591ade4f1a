import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import type { HolidayKind } from '@civic/domain';
import type { PublicHolidayInput } from '@civic/office-hours';
import { SingleLineName } from '../common/single-line-name.decorator';

/** POST /api/v1/office-hours/holidays */
export class CreatePublicHolidayDto implements PublicHolidayInput {
  @ApiProperty({ example: '2026-12-31', description: 'Local calendar date' })
  @IsISO8601({ strict: true }, { message: 'date must be a calendar date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date as YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: 'Belediye kuruluş günü' })
  @IsString()
  @Length(1, 120)
  @SingleLineName()
  nameTr: string;

  @ApiProperty({ example: 'Municipality foundation day' })
  @IsString()
  @Length(1, 120)
  @SingleLineName()
  nameEn: string;

  @ApiProperty({ enum: ['national', 'religious'] })
  @IsIn(['national', 'religious'])
  kind: HolidayKind;

  @ApiProperty({ description: 'A half-day eve: open in the morning, closed from closesAt' })
  @IsBoolean()
  halfDay: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13:00', description: 'Closing time of a half day' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'closesAt must be a time of day as HH:MM (e.g. 13:00)' })
  closesAt?: string | null;
}
