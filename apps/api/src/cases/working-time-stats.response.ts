import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { WorkingTimeStats } from '@civic/cases';
import { WorkingDurationsResponse } from './working-durations.response';

/** The same times in working hours of the office calendar (nights, lunch, weekends, holidays left out). */
@ApiSchema({ name: 'WorkingTimeStats' })
export class WorkingTimeStatsResponse implements WorkingTimeStats {
  @ApiProperty({ type: WorkingDurationsResponse }) timeToFirstResponse: WorkingDurationsResponse;
  @ApiProperty({ type: WorkingDurationsResponse }) timeToResolution: WorkingDurationsResponse;
  @ApiProperty({ type: WorkingDurationsResponse }) timeToFinalResolution: WorkingDurationsResponse;
}
