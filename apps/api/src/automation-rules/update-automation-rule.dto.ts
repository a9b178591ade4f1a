import { PartialType } from '@nestjs/swagger';
import { CreateAutomationRuleDto } from './create-automation-rule.dto';

/** PATCH /api/v1/automation-rules/:id: any part, e.g. `{ "enabled": true }` to switch it on. */
export class UpdateAutomationRuleDto extends PartialType(CreateAutomationRuleDto) {}
