import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { OfficeHoursInput } from '@civic/office-hours';
import { OutOfHoursReplyDto } from './out-of-hours-reply.dto';
import { SevenWeekdays } from './seven-weekdays.decorator';
import { WeekdayHoursDto } from './weekday-hours.dto';

/** PUT /api/v1/office-hours: any of the three parts. */
export class UpdateOfficeHoursDto implements OfficeHoursInput {
  @ApiPropertyOptional({ example: 'Europe/Istanbul', description: 'IANA time zone' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @ApiPropertyOptional({ type: [WeekdayHoursDto], description: 'All seven weekdays, Monday to Sunday' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(7)
  @ArrayMaxSize(7)
  @SevenWeekdays()
  @ValidateNested({ each: true })
  @Type(() => WeekdayHoursDto)
  weekly?: WeekdayHoursDto[];

  @ApiPropertyOptional({ type: OutOfHoursReplyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutOfHoursReplyDto)
  outOfHoursReply?: OutOfHoursReplyDto;
}
