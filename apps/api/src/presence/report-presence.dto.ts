import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { ConversationPresenceState } from '@civic/live-events';

const STATES: ConversationPresenceState[] = ['viewing', 'typing', 'left'];

/** POST /api/v1/conversations/:id/presence */
export class ReportPresenceDto {
  @ApiProperty({
    enum: STATES,
    description: 'viewing (also the heartbeat, every 15 s), typing (at most every 3 s while typing) or left',
  })
  @IsIn(STATES, { message: `state must be one of: ${STATES.join(', ')}` })
  state: ConversationPresenceState;
}
