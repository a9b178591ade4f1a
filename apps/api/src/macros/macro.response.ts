import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ConversationActionDto } from '@civic/automation';
import type { ConversationAction, MacroView } from '@civic/automation';

@ApiSchema({ name: 'Macro' })
export class MacroResponse implements MacroView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ConversationActionDto] }) actions: ConversationAction[];
  @ApiProperty({ description: 'Shared with the organization; otherwise the caller’s own' }) shared: boolean;
  @ApiProperty({ description: 'The caller may change or delete it' }) editable: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
