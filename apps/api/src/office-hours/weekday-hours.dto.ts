import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { WeekdayHours } from '@civic/domain';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const message = (field: string) => ({ message: `${field} must be a time of day as HH:MM (e.g. 08:30) or null` });

/** One weekday's hours; open null closes the day. */
export class WeekdayHoursDto implements WeekdayHours {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ type: String, nullable: true, example: '08:30' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(HHMM, message('open'))
  open: string | null;

  @ApiProperty({ type: String, nullable: true, example: '17:30' })
  @ValidateIf((o: WeekdayHoursDto) => o.open !== null && o.open !== undefined)
  @Matches(HHMM, { message: 'close must be a time of day as HH:MM (e.g. 17:30) on an open day' })
  close: string | null;

  @ApiProperty({ type: String, nullable: true, example: '12:00' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(HHMM, message('lunchStart'))
  lunchStart: string | null;

  @ApiProperty({ type: String, nullable: true, example: '13:00' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(HHMM, message('lunchEnd'))
  lunchEnd: string | null;
}
