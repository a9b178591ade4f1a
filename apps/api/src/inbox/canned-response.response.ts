import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'CannedResponse' })
export class CannedResponseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Text with {{placeholders}}' }) body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
