import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { OutOfHoursAccountResponse } from './out-of-hours-account.response';

@ApiSchema({ name: 'OutOfHoursReplySettings' })
export class OutOfHoursReplyResponse {
  @ApiProperty({ type: [OutOfHoursAccountResponse] }) accounts: OutOfHoursAccountResponse[];
}
