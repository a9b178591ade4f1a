import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { SessionView } from '@civic/auth';

@ApiSchema({ name: 'SessionView' })
export class SessionResponse implements SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) device: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ example: 'password' }) authMethod: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) lastUsedAt: Date;
  @ApiProperty({ description: 'The session making this request' }) current: boolean;
}
