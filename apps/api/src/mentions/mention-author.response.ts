import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';

@ApiSchema({ name: 'MentionAuthor' })
export class MentionAuthorResponse {
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) reach: number | null;
  @ApiProperty({ format: 'date-time' }) lastMentionAt: string;
}
