import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AuditEventResponse } from './audit-event.response';

@ApiSchema({ name: 'AuditEventPage' })
export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
