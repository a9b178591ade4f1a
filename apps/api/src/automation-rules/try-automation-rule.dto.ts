import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DRY_RUN_MAX } from '@civic/automation-rules';
import { CreateAutomationRuleDto } from './create-automation-rule.dto';

/** POST /api/v1/automation-rules/try: a rule that is not saved, and how many recent messages to try it on. */
export class TryAutomationRuleDto extends CreateAutomationRuleDto {
  @ApiPropertyOptional({ default: 500, maximum: DRY_RUN_MAX })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DRY_RUN_MAX)
  limit?: number;
}
