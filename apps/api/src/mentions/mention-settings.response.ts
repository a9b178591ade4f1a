import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MentionSettings' })
export class MentionSettingsResponse {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ type: String, nullable: true }) webhookUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() digestEnabled: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
