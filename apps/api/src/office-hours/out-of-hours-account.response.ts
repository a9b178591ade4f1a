import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { OutOfHoursAccountView } from '@civic/office-hours';

@ApiSchema({ name: 'OutOfHoursAccount' })
export class OutOfHoursAccountResponse implements OutOfHoursAccountView {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() channel: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The out-of-hours reply goes out on this account' }) enabled: boolean;
}
