import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_TRANSPARENCY_MONTHS } from '@civic/cases';

/** GET /public/v1/:organizationSlug/transparency */
export class TransparencyQuery {
  @ApiPropertyOptional({
    default: DEFAULT_TRANSPARENCY_MONTHS,
    description: 'Calendar months back, the current one included',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  months?: number;
}
