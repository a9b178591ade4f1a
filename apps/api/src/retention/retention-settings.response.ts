import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { RetentionSettingsView } from '@civic/audit';

@ApiSchema({ name: 'RetentionSettingsView' })
export class RetentionSettingsResponse implements RetentionSettingsView {
  @ApiProperty({ type: Number, nullable: true, description: 'null keeps data until erased' }) retentionDays:
    number | null;
  @ApiProperty() maskPhoneNumbers: boolean;
  @ApiProperty() maskNames: boolean;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) lastRunAt: Date | null;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) nextRunAt: Date | null;
}
