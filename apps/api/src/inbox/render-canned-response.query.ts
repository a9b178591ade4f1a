import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RenderCannedResponseQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  conversationId: string;
}
