import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Channel, ConversationKind, ConversationStatus } from '@civic/domain';
import { ConversationFilter } from '@civic/inbox';
import { SingleLineName } from '../common/single-line-name.decorator';

const UUID_OR_KEYWORD = /^(me|nobody|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Inbox filters, shared by the list and by filter-based bulk actions. */
const READING_LANGUAGES = ['tr', 'ku', 'ar', 'en', 'other'];
const SENTIMENTS = ['negative', 'neutral', 'positive'];

export class ConversationFilterDto {
  @ApiPropertyOptional({ enum: Channel })
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ enum: ConversationKind })
  @IsOptional()
  @IsEnum(ConversationKind)
  kind?: ConversationKind;

  @ApiPropertyOptional({ enum: ConversationStatus })
  @IsOptional()
  @IsEnum(ConversationStatus)
  status?: ConversationStatus;

  @ApiPropertyOptional({ description: "'me', 'nobody' or a user id" })
  @IsOptional()
  @Matches(UUID_OR_KEYWORD, { message: "assignee must be 'me', 'nobody' or a user id" })
  assignee?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @SingleLineName()
  tag?: string;

  @ApiPropertyOptional({ description: "'mine' (the caller's teams) or a team id; with assignee=nobody, the queue" })
  @IsOptional()
  @Matches(/^(mine|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "team must be 'mine' or a team id",
  })
  team?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Conversations a case of this neighbourhood was opened from (GET /api/v1/neighbourhoods)',
  })
  @IsOptional()
  @IsUUID()
  neighbourhoodId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'last activity at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'last activity at or before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date' })
  to?: Date;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  )
  @IsIn([true, false], { message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ description: 'true: only conversations turned into a case; false: only those without one' })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  )
  @IsIn([true, false], { message: 'hasCase must be true or false' })
  hasCase?: boolean;

  @ApiPropertyOptional({ enum: ['true'], description: 'true: only conversations with a reply waiting for approval' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value))
  @IsIn([true], { message: 'awaitingApproval must be true' })
  awaitingApproval?: boolean;

  @ApiPropertyOptional({ description: 'true: only conversations where an urgent message waits for an answer' })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  )
  @IsIn([true, false], { message: 'urgent must be true or false' })
  urgent?: boolean;

  @ApiPropertyOptional({ enum: READING_LANGUAGES, description: 'The latest citizen message’s language' })
  @IsOptional()
  @IsIn(READING_LANGUAGES, { message: `language must be one of ${READING_LANGUAGES.join(', ')}` })
  language?: string;

  @ApiPropertyOptional({ enum: SENTIMENTS, description: 'The latest citizen message’s sentiment' })
  @IsOptional()
  @IsIn(SENTIMENTS, { message: `sentiment must be one of ${SENTIMENTS.join(', ')}` })
  sentiment?: string;

  @ApiPropertyOptional({ description: 'Turkish-aware search over message text and contact name/handle' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  toFilter(): ConversationFilter {
    const {
      channel,
      accountId,
      kind,
      status,
      assignee,
      tag,
      team,
      from,
      to,
      unread,
      hasCase,
      neighbourhoodId,
      awaitingApproval,
      urgent,
      language,
      sentiment,
      q,
    } = this;
    return {
      channel,
      accountId,
      kind,
      status,
      assignee: assignee?.toLowerCase(),
      tag,
      team: team?.toLowerCase(),
      from,
      to,
      unread,
      hasCase,
      neighbourhoodId,
      awaitingApproval,
      urgent,
      language,
      sentiment,
      q,
    };
  }
}

export class ListConversationsQuery extends ConversationFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}
