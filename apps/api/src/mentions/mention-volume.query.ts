import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { VolumeBucket } from '@civic/mentions';
import { MentionFilterQuery } from './mention-filter.query';

/** The feed's watchlist, channel and period filters, bucketed; without from, 48 hours (hour) or 30 days (day) before to. */
export class MentionVolumeQuery extends PickType(MentionFilterQuery, [
  'watchlistId',
  'channel',
  'from',
  'to',
] as const) {
  @ApiPropertyOptional({ enum: ['hour', 'day'], default: 'day' })
  @IsOptional()
  @IsIn(['hour', 'day'])
  bucket: VolumeBucket = 'day';
}
