import { PartialType } from '@nestjs/swagger';
import { CreateRoutingRuleDto } from './create-routing-rule.dto';

/** PATCH /api/v1/routing-rules/:id */
export class UpdateRoutingRuleDto extends PartialType(CreateRoutingRuleDto) {}
