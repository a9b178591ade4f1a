import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** GET /api/v1/office-hours/holidays?year= */
export class HolidaysQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year such as 2026' })
  @Min(2000)
  @Max(2100)
  year: number;
}
