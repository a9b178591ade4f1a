import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_DUPLICATE_DAYS, DEFAULT_DUPLICATE_RADIUS_METRES } from '@civic/cases';

/** GET /api/v1/cases/:id/duplicates */
export class CaseDuplicatesQuery {
  @ApiPropertyOptional({ default: DEFAULT_DUPLICATE_RADIUS_METRES, description: 'Radius in metres' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  radius?: number;

  @ApiPropertyOptional({ default: DEFAULT_DUPLICATE_DAYS, description: 'Only cases opened in the last days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}
