import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'SessionsEnded' })
export class SessionsEndedResponse {
  @ApiProperty() sessionsEnded: number;
}
