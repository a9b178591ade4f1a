import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';

export class OutOfHoursAccountDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  accountId: string;

  @ApiProperty({ description: 'Send the out-of-hours reply on this account (off for a line run 24/7)' })
  @IsBoolean()
  enabled: boolean;
}
