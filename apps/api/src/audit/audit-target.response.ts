import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** An audit event's target as it is today, by name. */
@ApiSchema({ name: 'AuditTargetView' })
export class AuditTargetResponse {
  @ApiProperty({ description: 'False once the record was deleted' }) found: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The record's name; a conversation's citizen" })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, description: "A case's readable number", example: '2026-000123' })
  caseNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) channel: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The conversation to open (the conversation, or the conversation of the message or case)',
  })
  conversationId: string | null;
  @ApiProperty({ description: "The citizen's personal data was erased or anonymized (KVKK)" }) erased: boolean;
}
