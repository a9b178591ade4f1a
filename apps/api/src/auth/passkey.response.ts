import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { PasskeyView } from '@civic/auth';

@ApiSchema({ name: 'PasskeyView' })
export class PasskeyResponse implements PasskeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) lastUsedAt: Date | null;
  @ApiProperty({ type: [String] }) transports: string[];
  @ApiProperty({ description: 'A synced (multi-device) passkey' }) synced: boolean;
}
