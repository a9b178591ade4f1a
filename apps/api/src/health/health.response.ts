import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Liveness' })
export class LivenessResponse {
  @ApiProperty({ example: 'ok' }) status: string;
}
