import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { Channel } from '@civic/domain';

/** Filters of the mention feed, top lists and export. */
export class MentionFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  watchlistId?: string;

  @ApiPropertyOptional({ enum: Channel })
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'date-time', description: 'published at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'published before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date' })
  to?: Date;

  @ApiPropertyOptional({ description: 'author handle (with or without @), name or channel user id' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  author?: string;

  @ApiPropertyOptional({ description: 'only mentions whose known reach is at least this' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minReach?: number;

  @ApiPropertyOptional({
    enum: ['negative', 'neutral', 'positive'],
    description: 'only mentions read as this sentiment',
  })
  @IsOptional()
  @IsIn(['negative', 'neutral', 'positive'], { message: 'sentiment must be one of negative, neutral, positive' })
  sentiment?: string;
}
