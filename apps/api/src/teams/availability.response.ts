import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { AvailabilityView } from '@civic/teams';

@ApiSchema({ name: 'Availability' })
export class AvailabilityResponse implements AvailabilityView {
  @ApiProperty({ description: 'Marked away: new team work goes to others' }) away: boolean;
  @ApiProperty({ description: 'The web inbox is open (live stream connected)' }) online: boolean;
}
