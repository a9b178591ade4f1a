import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MentionWatchlist' })
export class WatchlistResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) terms: string[];
  @ApiProperty({ type: [String] }) handles: string[];
  @ApiProperty({ type: [String] }) hashtags: string[];
  @ApiProperty({ type: [String] }) exclusionTerms: string[];
  @ApiProperty() spikeFactor: number;
  @ApiProperty() spikeMinCount: number;
  @ApiProperty() twitterSearch: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) scannedReceivedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
