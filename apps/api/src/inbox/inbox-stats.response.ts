import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';

@ApiSchema({ name: 'OpenByChannel' })
export class OpenByChannelResponse {
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() open: number;
}

@ApiSchema({ name: 'OpenByAccount' })
export class OpenByAccountResponse {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() open: number;
}

@ApiSchema({ name: 'OpenCounts' })
export class OpenCountsResponse {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Replies waiting for approval now (not limited to the date range)' })
  pendingApproval: number;
  @ApiProperty({ type: [OpenByChannelResponse] }) byChannel: OpenByChannelResponse[];
  @ApiProperty({ type: [OpenByAccountResponse] }) byAccount: OpenByAccountResponse[];
}

/** Durations of one group: a channel, an account (accountId, name) or an officer (userId, displayName). */
@ApiSchema({ name: 'DurationGroup' })
export class DurationGroupResponse {
  @ApiPropertyOptional({ enum: Channel, enumName: 'Channel' }) channel?: Channel;
  @ApiPropertyOptional({ format: 'uuid' }) accountId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) displayName?: string | null;
  @ApiProperty({ description: 'exact' }) count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'within 0.5 % + 1.5 s of the exact median' })
  medianSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'within 0.5 % + 1.5 s of the exact 90th percentile' })
  p90Seconds: number | null;
}

@ApiSchema({ name: 'DurationsByDimension' })
export class DurationsByDimensionResponse {
  @ApiProperty({ type: [DurationGroupResponse] }) channel: DurationGroupResponse[];
  @ApiProperty({ type: [DurationGroupResponse] }) account: DurationGroupResponse[];
  @ApiProperty({ type: [DurationGroupResponse] }) officer: DurationGroupResponse[];
}

/** GET /api/v1/inbox/stats. */
@ApiSchema({ name: 'InboxStats' })
export class InboxStatsResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: OpenCountsResponse }) open: OpenCountsResponse;
  @ApiProperty({ type: DurationsByDimensionResponse }) firstResponse: DurationsByDimensionResponse;
  @ApiProperty({ type: DurationsByDimensionResponse }) resolution: DurationsByDimensionResponse;
}
