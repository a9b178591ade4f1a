import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'BulkResult' })
export class BulkResultResponse {
  @ApiProperty() updated: number;
  @ApiProperty({ type: [String], format: 'uuid' }) conversationIds: string[];
}
