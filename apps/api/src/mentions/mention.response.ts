import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';
import type { MentionView } from '@civic/mentions';

@ApiSchema({ name: 'MentionAuthorRef' })
export class MentionAuthorRefResponse {
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
  @ApiProperty({ type: Number, nullable: true }) followers: number | null;
}

@ApiSchema({ name: 'MentionMetrics' })
export class MentionMetricsResponse {
  @ApiProperty({ type: Number, nullable: true }) likes: number | null;
  @ApiProperty({ type: Number, nullable: true }) reposts: number | null;
  @ApiProperty({ type: Number, nullable: true }) replies: number | null;
  @ApiProperty({ type: Number, nullable: true }) reach: number | null;
}

/** A public post that matched a watchlist. */
@ApiSchema({ name: 'MentionView' })
export class MentionResponse implements MentionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) watchlistId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId: string | null;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() externalId: string;
  @ApiProperty({ description: 'Where it was found (inbox, search, tags)' }) source: string;
  @ApiProperty({ type: MentionAuthorRefResponse }) author: MentionAuthorRefResponse;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: [String] }) matchedTerms: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: MentionMetricsResponse }) metrics: MentionMetricsResponse;
  @ApiProperty({ type: String, nullable: true, enum: ['negative', 'neutral', 'positive'] }) sentiment: string | null;
}
