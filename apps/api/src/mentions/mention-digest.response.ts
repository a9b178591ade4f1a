import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';
import type { DigestPayload } from '@civic/mentions';

@ApiSchema({ name: 'DigestWatchlistCount' })
export class DigestWatchlistCountResponse {
  @ApiProperty({ format: 'uuid' }) watchlistId: string;
  @ApiProperty() name: string;
  @ApiProperty() count: number;
}

@ApiSchema({ name: 'DigestChannelCount' })
export class DigestChannelCountResponse {
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() count: number;
}

@ApiSchema({ name: 'DigestPost' })
export class DigestPostResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) watchlistId: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ type: String, nullable: true }) authorHandle: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: Number, nullable: true }) reach: number | null;
  @ApiProperty({ type: Number, nullable: true }) likes: number | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

@ApiSchema({ name: 'DigestSpike' })
export class DigestSpikeResponse {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiProperty({
    enum: ['volume', 'negative'],
    description: 'volume: all mentions; negative: mentions read as negative',
  })
  kind: string;
  @ApiProperty({ format: 'uuid' }) watchlistId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty() hourCount: number;
  @ApiProperty() peakCount: number;
  @ApiProperty() threshold: number;
}

@ApiSchema({ name: 'MentionDigest' })
export class MentionDigestPayloadResponse implements DigestPayload {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [DigestWatchlistCountResponse] }) byWatchlist: DigestWatchlistCountResponse[];
  @ApiProperty({ type: [DigestChannelCountResponse] }) byChannel: DigestChannelCountResponse[];
  @ApiProperty({ type: [DigestPostResponse] }) topPosts: DigestPostResponse[];
  @ApiProperty({ type: [DigestSpikeResponse] }) spikes: DigestSpikeResponse[];
}

/** GET /api/v1/mentions/digest: the stored digest of the day, or one computed now. */
@ApiSchema({ name: 'MentionDigestAnswer' })
export class MentionDigestResponse {
  @ApiProperty() stored: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt: string | null;
  @ApiProperty({ type: MentionDigestPayloadResponse }) digest: MentionDigestPayloadResponse;
}
