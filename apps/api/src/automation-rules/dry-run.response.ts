import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ConversationActionDto } from '@civic/automation';
import type { DryRunMatch, DryRunResult } from '@civic/automation-rules';

@ApiSchema({ name: 'AutomationRuleDryRunMatch' })
export class DryRunMatchResponse implements DryRunMatch {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'For a case: the message it was opened from',
  })
  messageId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Case events only' }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Case events only' }) caseNumber: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a mention outside the inbox' })
  conversationId: string | null;
  @ApiProperty() channel: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: String, nullable: true }) excerpt: string | null;
  @ApiProperty({ type: [ConversationActionDto], description: 'What the rule would have done' })
  actions: DryRunMatch['actions'];
  @ApiPropertyOptional({ format: 'uuid', description: 'Mention events only' }) mentionId?: string;
  @ApiPropertyOptional({ description: 'Mention events only: the watchlist the mention matched' })
  watchlistName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mention events only: the post' }) url?:
    string | null;
}

@ApiSchema({ name: 'AutomationRuleDryRun' })
export class DryRunResponse implements DryRunResult {
  @ApiProperty({
    enum: ['messages', 'cases', 'mentions'],
    description: 'Case events are tried on the latest cases, mention events on the latest mentions',
  })
  over: 'messages' | 'cases' | 'mentions';
  @ApiProperty({ description: 'Citizen messages (or cases) examined, the most recent' }) examined: number;
  @ApiProperty({ description: 'Messages the rule would have fired on' }) matched: number;
  @ApiProperty() tookMs: number;
  @ApiProperty({ type: [DryRunMatchResponse], description: 'The newest 100 matches' }) matches: DryRunMatchResponse[];
}
