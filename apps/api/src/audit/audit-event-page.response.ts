import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AuditEventResponse } from './audit-event.response';

@ApiSchema({ name: 'AuditEventPage' })
export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Names of the ids the before/after values mention (users, departments, categories, accounts)',
  })
  names: Record<string, string>;
}
