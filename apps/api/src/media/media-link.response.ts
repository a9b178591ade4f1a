import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MediaLink' })
export class MediaLinkResponse {
  @ApiProperty({ description: 'GET it without a bearer header: /api/v1/media/<signed token>' }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
