import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

/** GET /api/v1/cases/stats: cases opened in [from, to). */
export class CaseStatsQuery {
  @ApiPropertyOptional({ description: 'Default: 30 days before to' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date' })
  from?: Date;
  @ApiPropertyOptional({ description: 'Default: now' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date' })
  to?: Date;
}
