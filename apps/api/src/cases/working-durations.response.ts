import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Median and 90th percentile in working hours. */
@ApiSchema({ name: 'WorkingDurations' })
export class WorkingDurationsResponse {
  @ApiProperty({ type: Number, nullable: true }) median: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90: number | null;
}
