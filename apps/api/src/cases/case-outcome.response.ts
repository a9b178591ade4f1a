import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CaseResponse } from './case.response';

/**
 * What became of telling the citizen: queued (with the message), refused (why), skipped, or automatic
 * (the organization's automatic "resolved" message tells them; see the case's notices).
 */
@ApiSchema({ name: 'CitizenNotification' })
export class CitizenNotificationResponse {
  @ApiProperty({ enum: ['queued', 'refused', 'skipped', 'automatic'] })
  status: 'queued' | 'refused' | 'skipped' | 'automatic';
  @ApiPropertyOptional({ format: 'uuid' }) messageId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) text?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) template?: string | null;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() message?: string;
}

/** POST /api/v1/cases/:id/resolve and /notify. */
@ApiSchema({ name: 'CaseOutcome' })
export class CaseOutcomeResponse {
  @ApiProperty({ type: CaseResponse }) case: CaseResponse;
  @ApiProperty({ type: CitizenNotificationResponse }) notification: CitizenNotificationResponse;
}
