import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Channel } from '@civic/domain';
import { VolumeBucket } from '@civic/mentions';

export class MentionVolumeQuery {
  @ApiPropertyOptional({ enum: ['hour', 'day'], default: 'day' })
  @IsOptional() @IsIn(['hour', 'day'])
  bucket: VolumeBucket = 'day';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  watchlistId?: string;

  @ApiPropertyOptional({ enum: Channel })
  @IsOptional() @IsEnum(Channel)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'date-time', description: 'default: 48 hours (hour) or 30 days (day) before to' })
  @IsOptional() @Type(() => Date) @IsDate({ message: 'from must be an ISO 8601 date' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'default: now' })
  @IsOptional() @Type(() => Date) @IsDate({ message: 'to must be an ISO 8601 date' })
  to?: Date;
}
