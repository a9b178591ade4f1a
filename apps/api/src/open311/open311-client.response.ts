import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Open311ClientView } from './open311-client.service';

/** An Open311 client key as listed: its prefix, never the key. */
@ApiSchema({ name: 'Open311Client' })
export class Open311ClientResponse implements Open311ClientView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters, to recognise the key' }) keyPrefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Display name of the administrator who issued it' })
  createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

@ApiSchema({ name: 'CreatedOpen311Client' })
export class CreatedOpen311ClientResponse extends Open311ClientResponse {
  @ApiProperty({ description: 'The key: shown once' }) key: string;
}
