import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CasePriority } from '@civic/model';
import type { ConversationAction } from './conversation-action';
import { ConversationActionKind } from './conversation-action';

const K = ConversationActionKind;
const needs =
  (...kinds: ConversationActionKind[]) =>
  (action: ConversationActionDto) =>
    kinds.includes(action.kind);

/** Most actions one macro or rule carries. */
export const MAX_ACTIONS = 20;

/**
 * One conversation action at the HTTP boundary (macros and automation rules share it): `kind`, then
 * the value that kind needs. A value another kind needs is ignored; a missing or malformed one is a
 * 400 naming the field, e.g. "actions.1.userId must be a UUID".
 */
export class ConversationActionDto {
  @ApiProperty({ enum: ConversationActionKind, enumName: 'ConversationActionKind' })
  @IsEnum(ConversationActionKind, { message: `kind must be one of: ${Object.values(K).join(', ')}` })
  kind: ConversationActionKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'assign_team, notify_team, notify_team_webhook' })
  @ValidateIf(needs(K.AssignTeam, K.NotifyTeam, K.NotifyTeamWebhook))
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'assign_officer: an active user' })
  @ValidateIf(needs(K.AssignOfficer))
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ type: [String], example: ['yol'], description: 'add_tags' })
  @ValidateIf(needs(K.AddTags))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: CasePriority, enumName: 'CasePriority', description: 'set_priority' })
  @ValidateIf(needs(K.SetPriority))
  @IsEnum(CasePriority, { message: `priority must be one of: ${Object.values(CasePriority).join(', ')}` })
  priority?: CasePriority;

  @ApiPropertyOptional({
    example: 'yol-cukur',
    description:
      'open_case: a category code; without it the learned suggestion, when its confidence reaches the threshold',
  })
  @ValidateIf((a: ConversationActionDto) => a.kind === K.OpenCase && a.categoryKey !== undefined)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'categoryKey must be a category code such as yol-cukur' })
  categoryKey?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'forward_case: an external body (required); open_case: the directorate (optional)',
  })
  @ValidateIf(
    (a: ConversationActionDto) => a.kind === K.ForwardCase || (a.kind === K.OpenCase && a.departmentId !== undefined),
  )
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'send_canned_response' })
  @ValidateIf(needs(K.SendCannedResponse))
  @IsUUID()
  cannedResponseId?: string;
}

/** The validated DTO as the runner's action (only the fields its kind uses). */
export function toConversationAction(dto: ConversationActionDto): ConversationAction {
  switch (dto.kind) {
    case K.AssignTeam:
      return { kind: dto.kind, teamId: dto.teamId! };
    case K.NotifyTeam:
    case K.NotifyTeamWebhook:
      return { kind: dto.kind, teamId: dto.teamId! };
    case K.AssignOfficer:
      return { kind: dto.kind, userId: dto.userId! };
    case K.AddTags:
      return { kind: dto.kind, tags: dto.tags! };
    case K.SetPriority:
      return { kind: dto.kind, priority: dto.priority! };
    case K.OpenCase:
      return {
        kind: dto.kind,
        ...(dto.categoryKey !== undefined ? { categoryKey: dto.categoryKey } : {}),
        ...(dto.departmentId ? { departmentId: dto.departmentId } : {}),
      };
    case K.ForwardCase:
      return { kind: dto.kind, departmentId: dto.departmentId! };
    case K.SendCannedResponse:
      return { kind: dto.kind, cannedResponseId: dto.cannedResponseId! };
    case K.CloseAsSpam:
    case K.CloseConversation:
      return { kind: dto.kind };
  }
}
