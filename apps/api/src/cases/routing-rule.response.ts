import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { RoutingRuleView } from '@civic/cases';

@ApiSchema({ name: 'RoutingRule' })
export class RoutingRuleResponse implements RoutingRuleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty() weight: number;
  @ApiProperty() active: boolean;
}
