import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'BulkResult' })
export class BulkResultResponse {
  @ApiProperty() updated: number;
  @ApiProperty({ type: [String], format: 'uuid' }) conversationIds: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'ids asked for but not changed: unknown or on an account the caller may not see',
  })
  skippedIds: string[];
}
