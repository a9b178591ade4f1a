import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'PresentOfficer' })
export class PresentOfficerResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['viewing', 'typing'] }) state: 'viewing' | 'typing';
}

/** The answer of POST /api/v1/conversations/:id/presence: who else is in the conversation now. */
@ApiSchema({ name: 'ConversationPresence' })
export class ConversationPresenceResponse {
  @ApiProperty({ type: [PresentOfficerResponse], description: 'Other officers viewing or typing; never the caller' })
  others: PresentOfficerResponse[];
  @ApiProperty({ description: 'A viewer without a heartbeat for this long is gone' }) viewingSeconds: number;
  @ApiProperty({ description: '"typing" lasts this long after the last report' }) typingSeconds: number;
}
