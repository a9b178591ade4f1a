import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DRY_RUN_MAX } from '@civic/automation-rules';

/** POST /api/v1/automation-rules/:id/try */
export class TrySavedRuleDto {
  @ApiPropertyOptional({ default: 500, maximum: DRY_RUN_MAX })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DRY_RUN_MAX)
  limit?: number;
}
