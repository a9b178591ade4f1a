import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsEnum,
  IsIn,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { ConversationActionKind } from '@civic/automation';
import { CasePriority } from '@civic/domain';

const K = ConversationActionKind;
const when =
  (...kinds: ConversationActionKind[]) =>
  (a: RuleActionDto) =>
    kinds.includes(a.kind);

/** One "then" of a rule: the fields its kind needs (the ConversationAction union). */
export class RuleActionDto {
  @ApiProperty({ enum: ConversationActionKind })
  @IsEnum(ConversationActionKind)
  kind: ConversationActionKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(when(K.AssignTeam, K.NotifyTeam))
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(when(K.AssignOfficer))
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ type: [String], example: ['yol'] })
  @ValidateIf(when(K.AddTags))
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: CasePriority })
  @ValidateIf(when(K.SetPriority))
  @IsIn(Object.values(CasePriority))
  priority?: CasePriority;

  @ApiPropertyOptional({ example: 'yol-cukur' })
  @ValidateIf(when(K.OpenCase))
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'categoryKey must be a category key such as yol-cukur' })
  categoryKey?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((a: RuleActionDto) => a.kind === K.ForwardCase || (a.kind === K.OpenCase && a.departmentId !== undefined))
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(when(K.SendCannedResponse))
  @IsUUID()
  cannedResponseId?: string;
}
