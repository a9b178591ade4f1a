import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { RULE_CONDITION_TYPES, RuleConditionType } from '@civic/automation-rules';
import type { RuleCondition } from '@civic/automation-rules';

/** Conditions that name a list of values; the others carry none (has_photo, office hours) or a point (near). */
const LIST_TYPES: string[] = [
  RuleConditionType.Channel,
  RuleConditionType.ChannelAccount,
  RuleConditionType.AccountOwnerLabel,
  RuleConditionType.MessageKind,
  RuleConditionType.Keywords,
  RuleConditionType.ConversationTag,
  RuleConditionType.Language,
  RuleConditionType.Urgent,
  RuleConditionType.ContactTag,
  RuleConditionType.CaseCategory,
  RuleConditionType.CaseDepartment,
  RuleConditionType.CasePriority,
  RuleConditionType.CaseStatus,
  RuleConditionType.CasePreviousStatus,
  RuleConditionType.Watchlist,
  RuleConditionType.MinReach,
];
const isNear = (c: RuleConditionDto) => c.type === RuleConditionType.Near;

/** One "if" of a rule. Each type's values are checked again by its evaluator (enums, keyword syntax). */
export class RuleConditionDto implements RuleCondition {
  @ApiProperty({ enum: RULE_CONDITION_TYPES })
  @IsIn(RULE_CONDITION_TYPES)
  type: RuleConditionType;

  @ApiPropertyOptional({ type: [String], example: ['çukur*', 'asfalt'] })
  @ValidateIf((c: RuleConditionDto) => LIST_TYPES.includes(c.type) || c.values !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  values?: string[];

  @ApiPropertyOptional({ example: 38.4622 })
  @ValidateIf(isNear)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 27.2166 })
  @ValidateIf(isNear)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ example: 500, description: 'Metres' })
  @ValidateIf(isNear)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100_000)
  radiusMeters?: number;
}
