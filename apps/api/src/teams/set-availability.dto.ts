import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** PUT /api/v1/users/me/availability */
export class SetAvailabilityDto {
  @ApiProperty({ description: 'true: away (Uzakta), no new team work; false: available (Müsait)' })
  @IsBoolean()
  away: boolean;
}
