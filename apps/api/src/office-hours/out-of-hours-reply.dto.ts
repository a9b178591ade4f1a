import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { OutOfHoursAccountDto } from './out-of-hours-account.dto';

export class OutOfHoursReplyDto {
  @ApiProperty({ type: [OutOfHoursAccountDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OutOfHoursAccountDto)
  accounts: OutOfHoursAccountDto[];
}
