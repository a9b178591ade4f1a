import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ConversationActionDto } from '@civic/automation';
import { AUTOMATION_RULE_EVENTS, AutomationRuleEvent } from '@civic/automation-rules';
import type { RuleMatchMode } from '@civic/automation-rules';
import { SingleLineName } from '../common/single-line-name.decorator';
import { RuleConditionDto } from './rule-condition.dto';

/** POST /api/v1/automation-rules (and the body of a dry run). */
export class CreateAutomationRuleDto {
  @ApiProperty({ example: 'Yol çukuru fotoğrafı → Fen İşleri' })
  @IsString()
  @Length(1, 120)
  @SingleLineName()
  name: string;

  @ApiProperty({ enum: AUTOMATION_RULE_EVENTS })
  @IsIn(AUTOMATION_RULE_EVENTS)
  event: AutomationRuleEvent;

  @ApiProperty({ enum: ['all', 'any'] })
  @IsIn(['all', 'any'])
  match: RuleMatchMode;

  @ApiProperty({ type: [RuleConditionDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RuleConditionDto)
  conditions: RuleConditionDto[];

  @ApiProperty({ type: [ConversationActionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConversationActionDto)
  actions: ConversationActionDto[];

  @ApiProperty({ description: 'When this rule matches, later rules are not considered for the event' })
  @IsBoolean()
  stopHere: boolean;

  @ApiPropertyOptional({ description: 'Off by default: try a rule before switching it on' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
