import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MentionResponse } from './mention.response';

@ApiSchema({ name: 'MentionPage' })
export class MentionPageResponse {
  @ApiProperty({ type: [MentionResponse] }) items: MentionResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
