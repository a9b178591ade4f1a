import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ConversationPage } from '@civic/inbox';
import { ConversationResponse } from './conversation.response';

/** One keyset page of the inbox; nextCursor is null on the last page. */
@ApiSchema({ name: 'ConversationPage' })
export class ConversationPageResponse implements ConversationPage {
  @ApiProperty({ type: [ConversationResponse] }) items: ConversationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
