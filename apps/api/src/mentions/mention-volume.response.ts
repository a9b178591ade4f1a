import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MentionVolumePoint' })
export class MentionVolumePointResponse {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiPropertyOptional({ format: 'date', description: 'The local day, for day buckets' }) date?: string;
  @ApiProperty() count: number;
}

@ApiSchema({ name: 'MentionVolume' })
export class MentionVolumeResponse {
  @ApiProperty({ enum: ['hour', 'day'] }) bucket: 'hour' | 'day';
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [MentionVolumePointResponse] }) points: MentionVolumePointResponse[];
}
