import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { OfficeHoursView } from '@civic/office-hours';
import { OutOfHoursReplyResponse } from './out-of-hours-reply.response';
import { WeekdayHoursDto } from './weekday-hours.dto';

@ApiSchema({ name: 'OfficeHours' })
export class OfficeHoursResponse implements OfficeHoursView {
  @ApiProperty({ example: 'Europe/Istanbul' }) timeZone: string;
  @ApiProperty({ type: [WeekdayHoursDto], description: 'Monday to Sunday' }) weekly: WeekdayHoursDto[];
  @ApiProperty({ type: OutOfHoursReplyResponse }) outOfHoursReply: OutOfHoursReplyResponse;
}
