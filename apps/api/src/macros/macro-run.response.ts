import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ActionReason, ConversationActionKind } from '@civic/automation';
import type { ActionOutcome, MacroRun } from '@civic/automation';

@ApiSchema({ name: 'ActionOutcome' })
export class ActionOutcomeResponse implements ActionOutcome {
  @ApiProperty({ enum: ConversationActionKind, enumName: 'ConversationActionKind' }) kind: ConversationActionKind;
  @ApiProperty({ enum: ['done', 'skipped', 'failed'] }) result: 'done' | 'skipped' | 'failed';
  @ApiPropertyOptional({
    description: `Why it was skipped or failed: ${Object.values(ActionReason).join(', ')}, or a service's error code`,
  })
  reason?: string;
}

@ApiSchema({ name: 'MacroRun' })
export class MacroRunResponse implements MacroRun {
  @ApiProperty({ format: 'uuid' }) macroId: string;
  @ApiProperty() macroName: string;
  @ApiProperty({ type: [ActionOutcomeResponse], description: 'One per action, in order' })
  outcomes: ActionOutcomeResponse[];
}
