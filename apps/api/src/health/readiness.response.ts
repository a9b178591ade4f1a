import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Readiness' })
export class ReadinessResponse {
  @ApiProperty({ example: 'ok' }) status: string;
  @ApiProperty({ example: 'up' }) database: string;
  @ApiProperty({ example: 'current' }) migrations: string;
}
